import BusCore
import Foundation
import Model

/// What a `plan.import` changes, computed from the request and the stored rows before anything
/// is written.
///
/// Pure, so that every backend applies the same rules: the organisations of the document are
/// planned as in `organisation.upsert`; the document is checked (a 400 naming the path of the
/// field); the expected version is compared (409); then the plan is created, updated
/// (version + 1) or unchanged, and the status reports not stored yet are added.
struct PlanImportPlan: Sendable {
    typealias Import = PlanContracts.Import

    /// The write of the plan row.
    enum PlanChange: Sendable, Hashable {
        case create(document: String)
        case update(before: String, after: String, version: Int)
        case unchanged
    }

    /// The organisations of the document, as `organisation.upsert` would apply them.
    var organisations: OrganisationUpsertPlan
    var plan: PlanChange
    /// The reports to add, in document order, with their canonical JSON.
    var reports: [StoredStatusReport]
    var reply: Import.Response

    /// Plans `request` against the stored plan, the canonical JSON of its stored reports, and
    /// every stored organisation row by id.
    init(_ request: Import.Request, stored: StoredPlan?, storedReports: Set<String>,
         organisations organisationRows: [String: OrganisationRow]) throws {
        let document = request.document
        organisations = try OrganisationUpsertPlan(document.organisations, stored: organisationRows)
        let known = Set(organisationRows.keys).union(document.organisations.map(\.id))
        let issues = PlanDocumentValidator(known: known).issues(in: document)
        if let first = issues.first {
            var message = issues.prefix(5).map(\.description).joined(separator: "; ")
            if issues.count > 5 { message += "; and \(issues.count - 5) more" }
            throw ServiceError.badRequest(message + " — nothing was stored",
                                          details: ["path": first.field, "problems": String(issues.count)])
        }
        let planId = document.plan.id
        if let expected = request.expectedVersion, expected != stored?.version {
            let storedText = stored.map { "is at version \($0.version)" } ?? "is not stored yet"
            throw ServiceError.conflict(
                "plan '\(planId)' \(storedText), but the import expected version \(expected); "
                    + "get the plan again and apply the change to it",
                details: ["planId": planId, "expectedVersion": String(expected),
                          "storedVersion": stored.map { String($0.version) } ?? ""])
        }

        let canonical = try CanonicalJSON.string(document.storedForm)
        let outcome: PlanContracts.ImportOutcome
        let version: Int
        switch stored {
        case nil:
            plan = .create(document: canonical)
            (outcome, version) = (.created, 1)
        case let stored? where stored.document == canonical:
            plan = .unchanged
            (outcome, version) = (.unchanged, stored.version)
        case let stored?:
            plan = .update(before: stored.document, after: canonical, version: stored.version + 1)
            (outcome, version) = (.updated, stored.version + 1)
        }

        var reports: [StoredStatusReport] = []
        for report in document.statusReports {
            let json = try CanonicalJSON.string(report)
            guard !storedReports.contains(json) else { continue }
            reports.append(StoredStatusReport(planId: planId, report: try CanonicalJSON.decode(StatusReport.self, from: json),
                                              json: json))
        }
        self.reports = reports
        reply = Import.Response(planId: planId, outcome: outcome, version: version, statusReportsAdded: reports.count)
    }

    /// The audit row of the plan's change, or nil when it is unchanged.
    func planAuditEntry(origin: ChangeOrigin, at timestamp: String) -> AuditEntry? {
        let operation: String, before: String?, after: String
        switch plan {
        case .unchanged: return nil
        case .create(let document): (operation, before, after) = ("create", nil, document)
        case .update(let old, let new, _): (operation, before, after) = ("update", old, new)
        }
        return AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId, operation: operation,
                          recordType: "plan", recordId: reply.planId, before: before, after: after)
    }

    /// The reply as it is stored in `processed_request`.
    func replyJSON() throws -> String {
        try CanonicalJSON.string(reply)
    }
}

extension StoredStatusReport {
    /// The id under which the audit log names a report: `PLAN/ITEM/PERIOD`.
    var auditRecordId: String { "\(planId)/\(report.item)/\(report.period)" }

    /// The audit row of adding this report.
    func auditEntry(origin: ChangeOrigin, at timestamp: String) -> AuditEntry {
        AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId, operation: "record",
                   recordType: "status-report", recordId: auditRecordId, before: nil, after: json)
    }
}
