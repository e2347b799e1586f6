import BusCore
import Foundation
import Model

/// What a `status.record` adds, computed from the request and the stored plan before anything is
/// written: the plan and the item must exist (404), the period must lie in the plan's period
/// (400); `reporter` defaults to the actor and `reportedAt` to now.
struct StatusRecordPlan: Sendable {
    typealias Record = PlanContracts.RecordStatus

    var report: StoredStatusReport

    init(_ request: Record.Request, stored: StoredPlan?, origin: ChangeOrigin, at instant: Date) throws {
        guard let stored else {
            throw ServiceError.notFound("no plan has the id '\(request.planId)'", details: ["id": request.planId])
        }
        let document = try stored.decodedDocument()
        var report = request.report
        guard document.allItems.contains(where: { $0.item.number == report.item }) else {
            throw ServiceError.notFound("plan '\(request.planId)' has no item with the number '\(report.item)'",
                                        details: ["planId": request.planId, "item": report.item])
        }
        if let problem = PlanDocumentValidator.periodProblem(report.period, plan: document.plan) {
            throw ServiceError.badRequest("report.period: \(problem)", details: ["path": "report.period"])
        }
        report.reporter = report.reporter ?? origin.actorId
        report.reportedAt = report.reportedAt ?? instant
        let json = try CanonicalJSON.string(report)
        self.report = StoredStatusReport(planId: request.planId, report: try CanonicalJSON.decode(StatusReport.self, from: json),
                                         json: json)
    }

    var reply: Record.Response { Record.Response(report: report.report) }

    func replyJSON() throws -> String {
        try CanonicalJSON.string(reply)
    }
}
