import BusCore
import Model

extension Router {
    /// Adds the routes of `plan.*`, `status.*` and `audit.list` over `plans`.
    mutating func addPlanRoutes(_ plans: PlanStore) {
        on(PlanContracts.Import.self) { request, context in
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let result = try await plans.importPlan(request, origin: origin)
            context.logger.info(result.replayed ? "plan import repeated; stored reply returned" : "plan imported", metadata: [
                "actor": "\(origin.actorId)",
                "plan": "\(result.reply.planId)",
                "outcome": "\(result.reply.outcome.rawValue)",
                "version": "\(result.reply.version)",
                "statusReportsAdded": "\(result.reply.statusReportsAdded)",
            ])
            return result.reply
        }

        on(PlanContracts.List.self) { _, _ in
            PlanContracts.List.Response(plans: try await plans.list())
        }

        on(PlanContracts.Get.self) { request, _ in
            try await plans.get(id: request.id)
        }

        on(PlanContracts.RecordStatus.self) { request, context in
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let result = try await plans.recordStatus(request, origin: origin)
            context.logger.info(result.replayed ? "status report repeated; stored reply returned" : "status report recorded",
                                metadata: [
                                    "actor": "\(origin.actorId)",
                                    "plan": "\(request.planId)",
                                    "item": "\(result.reply.report.item)",
                                    "period": "\(result.reply.report.period)",
                                ])
            return result.reply
        }

        on(PlanContracts.ListStatus.self) { request, _ in
            PlanContracts.ListStatus.Response(reports: try await plans.statusReports(request))
        }

        on(PlanContracts.ListAudit.self) { request, _ in
            PlanContracts.ListAudit.Response(entries: try await plans.audit(request))
        }
    }
}
