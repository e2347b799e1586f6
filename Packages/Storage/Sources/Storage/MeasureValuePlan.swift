import BusCore
import Foundation
import Model

/// What a `measure.value.record` writes, planned from the stored plan and its status reports:
/// a new status report of the item that holds the measure, or nothing when the period's current
/// report already holds the value (rules in ``PlanContracts/RecordMeasureValue``).
struct MeasureValuePlan {
    typealias Record = PlanContracts.RecordMeasureValue

    let write: PlannedWrite

    init(_ request: Record.Request, snapshot: WriteSnapshot, origin: ChangeOrigin, at instant: Date) throws {
        let stored = try snapshot.requirePlan(request.planId)
        let document = try stored.decodedDocument()
        guard let item = document.items.item(numbered: request.item) else {
            throw ServiceError.notFound("plan '\(request.planId)' has no item with the number '\(request.item)'",
                                        details: ["planId": request.planId, "item": request.item])
        }
        guard item.measures.contains(where: { $0.id == request.measureId }) else {
            throw ServiceError.notFound("item '\(request.item)' of plan '\(request.planId)' has no measure '\(request.measureId)'",
                                        details: ["planId": request.planId, "item": request.item, "measureId": request.measureId])
        }
        guard request.value.isFinite else {
            throw ServiceError.badRequest("value: not a finite number", details: ["field": "value"])
        }
        if let problem = PlanDocumentValidator.periodProblem(request.period, plan: document.plan) {
            throw ServiceError.badRequest("period: \(problem)", details: ["field": "period"])
        }
        let reports = try snapshot.statusReports.map { try StoredStatusReport.decode($0, planId: request.planId) }
            .filter { $0.item == request.item }
        let current = reports.last { $0.period == request.period }
        if let current, current.values.contains(where: { $0.measure == request.measureId && $0.value == request.value }) {
            write = PlannedWrite(steps: [], audit: [],
                                 reply: try CanonicalJSON.string(Record.Response(changed: false, report: current)))
            return
        }
        var report: StatusReport
        if let current {
            report = current
        } else {
            let earlier = reports.last { $0.period < request.period }
            report = StatusReport(item: request.item, period: request.period, status: earlier?.status ?? .inProgress)
        }
        var values = report.values.filter { $0.measure != request.measureId }
        let kept = report.values.first { $0.measure == request.measureId }
        values.append(MeasureValue(measure: request.measureId, value: request.value, text: kept?.text))
        report.values = values.sorted { $0.measure < $1.measure }
        report.reporter = request.reporter ?? origin.actorId
        report.reportedAt = instant
        let json = try CanonicalJSON.string(report)
        let added = StoredStatusReport(planId: request.planId, report: try CanonicalJSON.decode(StatusReport.self, from: json),
                                       json: json)
        write = PlannedWrite(steps: [.addStatusReport(added, requestId: origin.requestId)],
                             audit: [added.auditEntry(origin: origin, at: instant.storageTimestamp)],
                             reply: try CanonicalJSON.string(Record.Response(changed: true, report: added.report)))
    }
}
