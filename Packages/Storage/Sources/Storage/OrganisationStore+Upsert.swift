import BusCore
import Foundation
import GRDB
import Model

extension OrganisationStore {
    typealias Upsert = StorageContracts.UpsertOrganisations

    /// Validates, then applies `organisations` in one transaction, with an audit entry per
    /// created or updated record and the reply stored under the request id.
    ///
    /// A request id that was already applied returns its stored reply and changes nothing.
    /// Any validation issue is a 400 that names the element and field; nothing is stored.
    func upsert(_ organisations: [Organisation], origin: ChangeOrigin) async throws -> (reply: Upsert.Response, replayed: Bool) {
        let timestamp = now().formatted(.iso8601)
        return try await database.pool.write { db in
            if let processed = try ProcessedRequest.fetchOne(db, key: origin.requestId) {
                return (try Self.storedReply(processed, requestId: origin.requestId), true)
            }
            let stored = try Self.storedParents(db)
            let issues = OrganisationValidator(stored: stored).issues(in: organisations)
            if !issues.isEmpty { throw Self.badRequest(issues) }

            var reply = Upsert.Response(created: 0, updated: 0, unchanged: 0)
            for organisation in organisations {
                let incoming = organisation.normalised
                if let row = try OrganisationRow.fetchOne(db, key: incoming.id) {
                    let before = try row.organisation()
                    if before.hasSameContent(as: incoming) {
                        reply.unchanged += 1
                        continue
                    }
                    var after = incoming
                    after.version = before.version + 1
                    try OrganisationRow(after).update(db)
                    try Self.audit(db, "update", before: before, after: after, origin: origin, at: timestamp)
                    reply.updated += 1
                } else {
                    try OrganisationRow(incoming).insert(db)
                    try Self.audit(db, "create", before: nil, after: incoming, origin: origin, at: timestamp)
                    reply.created += 1
                }
            }
            let replyJSON = String(decoding: try JSONCoding.encoder.encode(reply), as: UTF8.self)
            try ProcessedRequest(requestId: origin.requestId, operation: Upsert.operation,
                                 reply: replyJSON, createdAt: timestamp).insert(db)
            return (reply, false)
        }
    }

    /// Every stored organisation's parent: id → parent id.
    private static func storedParents(_ db: Database) throws -> [String: String?] {
        var parents: [String: String?] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT id, parent_id FROM organisation")
        while let row = try rows.next() {
            parents[row["id"]] = .some(row["parent_id"])
        }
        return parents
    }

    /// The reply stored for an applied request; a 409 if the id was used for another operation.
    private static func storedReply(_ processed: ProcessedRequest, requestId: String) throws -> Upsert.Response {
        guard processed.operation == Upsert.operation else {
            throw ServiceError.conflict(
                "request id '\(requestId)' was already used for '\(processed.operation)'; give each change its own request id",
                details: ["requestId": requestId])
        }
        return try JSONCoding.decoder.decode(Upsert.Response.self, from: Data(processed.reply.utf8))
    }

    private static func audit(_ db: Database, _ operation: String, before: Organisation?, after: Organisation,
                              origin: ChangeOrigin, at timestamp: String) throws {
        func json(_ organisation: Organisation?) throws -> String? {
            try organisation.map { String(decoding: try JSONCoding.encoder.encode($0), as: UTF8.self) }
        }
        var entry = AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId,
                               operation: operation, recordType: OrganisationRow.databaseTableName,
                               recordId: after.id, before: try json(before), after: try json(after))
        try entry.insert(db)
    }

    /// A 400 that names the first few issues, and how many there are in all.
    private static func badRequest(_ issues: [ValidationIssue], limit: Int = 5) -> ServiceError {
        var message = issues.prefix(limit).map(\.description).joined(separator: "; ")
        if issues.count > limit { message += "; and \(issues.count - limit) more" }
        message += " — nothing was stored"
        return .badRequest(message, details: ["field": issues.first?.field ?? "", "problems": String(issues.count)])
    }
}
