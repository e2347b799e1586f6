import BusCore
import Foundation
import Model

/// Plans, status reports and the audit log in the storage database: the logic behind `plan.*`,
/// `status.*` and `audit.list`, over any ``StorageBackend``.
struct PlanStore: Sendable {
    let backend: any StorageBackend
    /// The clock that stamps audit entries, processed requests and reports without a time.
    let now: @Sendable () -> Date

    init(backend: any StorageBackend, now: @escaping @Sendable () -> Date = { Date() }) {
        self.backend = backend
        self.now = now
    }

    func importPlan(_ request: PlanContracts.Import.Request, origin: ChangeOrigin) async throws -> PlanImportResult {
        try await backend.importPlan(request, origin: origin, at: now())
    }

    func recordStatus(_ request: PlanContracts.RecordStatus.Request, origin: ChangeOrigin) async throws -> StatusRecordResult {
        try await backend.recordStatus(request, origin: origin, at: now())
    }

    /// Applies `plan.edit` (``PlanEditPlan``) in one transaction.
    func edit(_ request: PlanEditContracts.Edit.Request, origin: ChangeOrigin) async throws -> WriteResult {
        let at = now()
        return try await backend.write(operation: PlanEditContracts.Edit.operation,
                                       scope: WriteScope(planId: request.planId, organisations: true),
                                       origin: origin, at: at) { snapshot in
            try PlanEditPlan(request, snapshot: snapshot, origin: origin, at: at.storageTimestamp).write
        }
    }

    /// Applies `plan.delete` (``PlanDeletePlan``) in one transaction.
    func recordMeasureValue(_ request: PlanContracts.RecordMeasureValue.Request, origin: ChangeOrigin) async throws -> WriteResult {
        let at = now()
        return try await backend.write(operation: PlanContracts.RecordMeasureValue.operation,
                                       scope: WriteScope(planId: request.planId), origin: origin, at: at) { snapshot in
            try MeasureValuePlan(request, snapshot: snapshot, origin: origin, at: at).write
        }
    }

    func delete(_ request: PlanEditContracts.Delete.Request, origin: ChangeOrigin) async throws -> WriteResult {
        let at = now()
        return try await backend.write(operation: PlanEditContracts.Delete.operation,
                                       scope: WriteScope(planId: request.planId, allPlans: true),
                                       origin: origin, at: at) { snapshot in
            try PlanDeletePlan(request, snapshot: snapshot, origin: origin, at: at.storageTimestamp).write
        }
    }

    /// Applies `organisation.delete` (``OrganisationDeletePlan``) in one transaction.
    func deleteOrganisation(_ request: PlanEditContracts.DeleteOrganisation.Request,
                            origin: ChangeOrigin) async throws -> WriteResult {
        let at = now()
        return try await backend.write(operation: PlanEditContracts.DeleteOrganisation.operation,
                                       scope: WriteScope(organisations: true, changesOrganisations: true, allPlans: true),
                                       origin: origin, at: at) { snapshot in
            try OrganisationDeletePlan(request, snapshot: snapshot, origin: origin, at: at.storageTimestamp).write
        }
    }

    /// A summary of every plan, ordered by id.
    func list() async throws -> [PlanSummary] {
        let counts = try await backend.statusReportCounts()
        return try await backend.plans().map { stored in
            let document = try stored.decodedDocument()
            let items = document.allItems
            let plan = document.plan
            return PlanSummary(id: stored.id, kind: plan.kind, title: plan.title, period: plan.period, owner: plan.owner,
                               state: plan.state, version: stored.version, items: items.count,
                               actions: items.count { $0.item.action != nil }, statusReports: counts[stored.id] ?? 0)
        }
    }

    /// The whole plan with its version and every status report; a 404 naming the id when unknown.
    func get(id: String) async throws -> PlanDocument {
        guard let stored = try await backend.plan(id: id) else {
            throw ServiceError.notFound("no plan has the id '\(id)'", details: ["id": id])
        }
        var document = try stored.decodedDocument()
        document.plan.version = stored.version
        document.statusReports = try await backend.statusReports(planId: id)
        return document
    }

    /// The reports of a plan, of one period when given; with `currentOnly` the latest per item and
    /// period only. Ordered as they were added.
    func statusReports(_ request: PlanContracts.ListStatus.Request) async throws -> [StatusReport] {
        guard try await backend.plan(id: request.planId) != nil else {
            throw ServiceError.notFound("no plan has the id '\(request.planId)'", details: ["id": request.planId])
        }
        var reports = try await backend.statusReports(planId: request.planId)
        if let period = request.period {
            reports = reports.filter { $0.period == period }
        }
        guard request.currentOnly else { return reports }
        struct Key: Hashable {
            var item: String
            var period: ReportingPeriod
        }
        var latest: [Key: Int] = [:]
        for (index, report) in reports.enumerated() {
            latest[Key(item: report.item, period: report.period)] = index
        }
        let kept = Set(latest.values)
        return reports.indices.filter { kept.contains($0) }.map { reports[$0] }
    }

    /// Audit entries, newest first, of one record type or record when given, at most `limit`.
    func audit(_ request: PlanContracts.ListAudit.Request) async throws -> [AuditRecord] {
        if let limit = request.limit, limit < 0 {
            throw ServiceError.badRequest("limit: \(limit) is negative", details: ["path": "limit"])
        }
        let entries = try await backend.auditEntries(recordType: request.recordType, recordId: request.recordId,
                                                     limit: request.limit)
        return try entries.map { entry in
            guard let at = try? Date(entry.at, strategy: .iso8601) else {
                throw StorageDataError("audit entry \(entry.id ?? 0) has the unreadable time '\(entry.at)'")
            }
            return AuditRecord(at: at, actor: entry.actor, operation: entry.operation, recordType: entry.recordType,
                               recordId: entry.recordId, requestId: entry.requestId, before: entry.before, after: entry.after)
        }
    }
}
