import BusCore
import Foundation
import Model

/// What an `organisation.upsert` changes, computed from the batch and the stored rows before
/// anything is written.
///
/// Pure, so that every backend applies the same rules: validation first (a 400 that names the
/// element and field), then each organisation is created, updated (version + 1) or unchanged.
struct OrganisationUpsertPlan: Sendable {
    typealias Upsert = StorageContracts.UpsertOrganisations

    /// One write of the plan.
    enum Change: Sendable, Hashable {
        /// A new organisation, at version 1.
        case create(Organisation)
        /// A stored organisation whose content changed; `after` has the next version.
        case update(before: Organisation, after: Organisation)

        /// The organisation as it is after the change.
        var after: Organisation {
            switch self {
            case .create(let organisation): organisation
            case .update(_, let after): after
            }
        }
    }

    /// The writes, in payload order.
    var changes: [Change]
    /// The counts to answer with.
    var reply: Upsert.Response

    /// Plans `organisations` against `stored` (every stored row by id).
    ///
    /// - Parameter expectedVersions: the version each listed organisation had when the change was
    ///   made (0: not stored yet).
    /// - Throws: `ServiceError` 400 listing the validation issues, 409 naming the first
    ///   organisation whose stored version differs from the expected one; ``StorageDataError``
    ///   when a stored row that would change cannot be read.
    init(_ organisations: [Organisation], expectedVersions: [String: Int]? = nil,
         stored: [String: OrganisationRow]) throws {
        let parents: [String: String?] = stored.mapValues(\.parentId)
        let issues = OrganisationValidator(stored: parents).issues(in: organisations)
        if !issues.isEmpty { throw Self.badRequest(issues) }
        for (id, expected) in (expectedVersions ?? [:]).sorted(by: { $0.key < $1.key }) {
            let storedVersion = stored[id]?.version ?? 0
            guard storedVersion != expected else { continue }
            let now = storedVersion == 0 ? "is not stored" : "is at version \(storedVersion)"
            throw ServiceError.conflict(
                "organisation '\(id)' \(now), but the change was made from version \(expected); "
                    + "get it again and apply the change to it — nothing was stored",
                details: ["id": id, "expectedVersion": String(expected), "storedVersion": String(storedVersion)])
        }

        var changes: [Change] = []
        var reply = Upsert.Response(created: 0, updated: 0, unchanged: 0)
        for organisation in organisations {
            let incoming = organisation.normalised
            guard let row = stored[incoming.id] else {
                changes.append(.create(incoming))
                reply.created += 1
                continue
            }
            let before = try row.organisation()
            if before.hasSameContent(as: incoming) {
                reply.unchanged += 1
                continue
            }
            var after = incoming
            after.version = before.version + 1
            changes.append(.update(before: before, after: after))
            reply.updated += 1
        }
        self.changes = changes
        self.reply = reply
    }

    /// The reply as it is stored in `processed_request`.
    func replyJSON() throws -> String {
        String(decoding: try JSONCoding.encoder.encode(reply), as: UTF8.self)
    }

    /// The audit row of `change`, stamped with `timestamp` (ISO 8601).
    static func auditEntry(for change: Change, origin: ChangeOrigin, at timestamp: String) throws -> AuditEntry {
        func json(_ organisation: Organisation?) throws -> String? {
            try organisation.map { String(decoding: try JSONCoding.encoder.encode($0), as: UTF8.self) }
        }
        let (operation, before): (String, Organisation?) = switch change {
        case .create: ("create", nil)
        case .update(let before, _): ("update", before)
        }
        return AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId,
                          operation: operation, recordType: OrganisationRow.databaseTableName,
                          recordId: change.after.id, before: try json(before), after: try json(change.after))
    }

    /// The reply stored for an applied request; a 409 if the id was used for another operation.
    static func storedReply(operation: String, reply: String, requestId: String) throws -> Upsert.Response {
        guard operation == Upsert.operation else {
            throw ServiceError.conflict(
                "request id '\(requestId)' was already used for '\(operation)'; give each change its own request id",
                details: ["requestId": requestId])
        }
        return try JSONCoding.decoder.decode(Upsert.Response.self, from: Data(reply.utf8))
    }

    /// A 400 that names the first few issues, and how many there are in all.
    private static func badRequest(_ issues: [ValidationIssue], limit: Int = 5) -> ServiceError {
        var message = issues.prefix(limit).map(\.description).joined(separator: "; ")
        if issues.count > limit { message += "; and \(issues.count - limit) more" }
        message += " — nothing was stored"
        return .badRequest(message, details: ["field": issues.first?.field ?? "", "problems": String(issues.count)])
    }
}

extension Date {
    /// The instant as stored in audit rows and processed requests: ISO 8601, UTC, seconds.
    var storageTimestamp: String { formatted(.iso8601) }
}
