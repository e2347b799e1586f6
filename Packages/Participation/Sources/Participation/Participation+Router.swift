import BusCore
import Logging
import Model

/// Builds the router of the participation service: `pb.tally`.
public func buildParticipationRouter(logger: Logger) -> Router {
    var router = Router(service: ServiceName.participation)
    router.on(ParticipationContracts.Tally.self) { request, context in
        try tally(request, logger: context.logger)
    }
    logger.debug("participation router built", metadata: ["operations": "\(router.operations.joined(separator: ","))"])
    return router
}

/// Answers `pb.tally`; a round that cannot be tallied is a 400 `bad_request` naming the field.
func tally(_ request: ParticipationContracts.Tally.Request, logger: Logger) throws -> ParticipationContracts.Tally.Response {
    let round: BudgetTally
    do {
        round = try BudgetTally(request)
    } catch {
        throw ServiceError.badRequest(error.description, details: ["field": error.field])
    }
    let response = round.tally(request.ballots)
    logger.info("round tallied", metadata: [
        "projects": "\(request.projects.count)", "counted": "\(response.countedBallots)",
        "refused": "\(response.refusedBallots.count)", "winners": "\(response.winners.count)",
    ])
    return response
}
