import BusCore
import Foundation
import Logging
import Model

/// The current time, injected so that tests control phases and open and close times.
public typealias ParticipationClock = @Sendable () -> Date

/// Adds the survey, participatory-budgeting, panel, hearing, event, impact-assessment and figure
/// operations to `router`, working over `repository`.
///
/// With `measures`, the figures of bound measures are written into the plans whenever the records
/// they count change (see `binding.*`); without, bindings are kept and computed but not written.
public func addParticipationRoutes(router: inout Router, repository: any ParticipationRepository,
                                   measures: (any PlanMeasureSink)? = nil, clock: @escaping ParticipationClock) {
    let writer = MeasureBindingWriter(repository: repository, measures: measures, clock: clock)
    addSurveyRoutes(router: &router, repository: repository, writer: writer, clock: clock)
    addBudgetingRoutes(router: &router, repository: repository, writer: writer, clock: clock)
    addRecordRoutes(router: &router, repository: repository, writer: writer, clock: clock)
    addBindingRoutes(router: &router, repository: repository, writer: writer)
}

/// Builds the router of the participation service with `pb.tally` and every operation over `repository`.
public func buildParticipationRouter(logger: Logger, repository: any ParticipationRepository,
                                     measures: (any PlanMeasureSink)? = nil,
                                     clock: @escaping ParticipationClock = { Date() }) -> Router {
    var router = buildParticipationRouter(logger: logger)
    addParticipationRoutes(router: &router, repository: repository, measures: measures, clock: clock)
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
