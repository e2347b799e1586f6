import BusCore
import Model

/// A stand-in for the storage service that answers `plan.get` with the example plans (404 naming
/// an unknown id, as storage does) and `organisation.list` with `examples/organisations.json`.
struct PlanStorageDouble {
    var plans: [String: PlanDocument]
    let organisations: [Organisation]

    /// The example plans of `examples/plans/` by id.
    init(planNames: [String] = ["loviisa-perusturvakeskus-2021", "loviisa-action-matrix", "kymenlaakso-children-youth-2020-2024"]) throws {
        var plans: [String: PlanDocument] = [:]
        for name in planNames {
            let document = try ReportFixtures.plan(name)
            plans[document.plan.id] = document
        }
        self.plans = plans
        self.organisations = try ReportFixtures.organisations()
    }

    var router: Router {
        var router = Router(service: ServiceName.storage)
        router.on(PlanContracts.Get.self) { [plans] request, _ in
            guard let plan = plans[request.id] else {
                throw ServiceError.notFound("no plan has the id '\(request.id)'", details: ["id": request.id])
            }
            return plan
        }
        router.on(StorageContracts.ListOrganisations.self) { [organisations] _, _ in .init(organisations: organisations) }
        return router
    }
}
