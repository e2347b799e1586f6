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

        on(PlanEditContracts.Edit.self) { request, context in
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let result = try await plans.edit(request, origin: origin)
            let reply = try result.decoded(PlanEditContracts.Edit.Response.self)
            context.logger.info(result.replayed ? "plan edit repeated; stored reply returned" : "plan edited", metadata: [
                "actor": "\(origin.actorId)", "plan": "\(reply.planId)", "version": "\(reply.version)",
                "edits": "\(request.edits.count)", "changed": "\(reply.changed)",
            ])
            return reply
        }

        on(PlanEditContracts.Delete.self) { request, context in
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let result = try await plans.delete(request, origin: origin)
            let reply = try result.decoded(PlanEditContracts.Delete.Response.self)
            context.logger.info(result.replayed ? "plan deletion repeated; stored reply returned" : "plan deleted", metadata: [
                "actor": "\(origin.actorId)", "plan": "\(reply.planId)", "statusReports": "\(reply.statusReportsDeleted)",
            ])
            return reply
        }

        on(PlanEditContracts.DeleteOrganisation.self) { request, context in
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let result = try await plans.deleteOrganisation(request, origin: origin)
            context.logger.info(result.replayed ? "organisation deletion repeated; stored reply returned"
                                    : "organisation deleted", metadata: ["actor": "\(origin.actorId)", "id": "\(request.id)"])
            return try result.decoded(PlanEditContracts.DeleteOrganisation.Response.self)
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

        on(PlanContracts.RecordMeasureValue.self) { request, context in
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let result = try await plans.recordMeasureValue(request, origin: origin)
            let reply = try result.decoded(PlanContracts.RecordMeasureValue.Response.self)
            context.logger.info(result.replayed ? "measure value repeated; stored reply returned"
                                    : reply.changed ? "measure value recorded" : "measure value unchanged", metadata: [
                "actor": "\(origin.actorId)", "plan": "\(request.planId)", "item": "\(request.item)",
                "measure": "\(request.measureId)", "period": "\(request.period)",
            ])
            return reply
        }

        on(PlanContracts.ListStatus.self) { request, _ in
            PlanContracts.ListStatus.Response(reports: try await plans.statusReports(request))
        }

        on(PlanContracts.ListAudit.self) { request, _ in
            PlanContracts.ListAudit.Response(entries: try await plans.audit(request))
        }
    }
}
