import BusCore
import Foundation
import Logging
import Model

/// The current time, injected so that tests control phases and open and close times.
public typealias ParticipationClock = @Sendable () -> Date

/// Adds the survey, participatory-budgeting, panel, hearing, event, impact-assessment and figure
/// operations to `router`, working over `repository`.
public func addParticipationRoutes(router: inout Router, repository: any ParticipationRepository,
                                   clock: @escaping ParticipationClock) {
    addSurveyRoutes(router: &router, repository: repository, clock: clock)
    addBudgetingRoutes(router: &router, repository: repository, clock: clock)
    addRecordRoutes(router: &router, repository: repository, clock: clock)
}

/// Builds the router of the participation service with `pb.tally` and every operation over `repository`.
public func buildParticipationRouter(logger: Logger, repository: any ParticipationRepository,
                                     clock: @escaping ParticipationClock = { Date() }) -> Router {
    var router = buildParticipationRouter(logger: logger)
    addParticipationRoutes(router: &router, repository: repository, clock: clock)
    return router
}

extension ServiceError {
    /// A refused budgeting operation: 400 for an invalid request, 409 for the wrong phase or state.
    static func refused(_ refusal: BudgetingRefusal) -> ServiceError {
        let details = refusal.field.map { ["field": $0] }
        switch refusal.kind {
        case .invalid: return .badRequest(refusal.description, details: details)
        case .conflict: return .conflict(refusal.description, details: details)
        }
    }
}
