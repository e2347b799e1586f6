import BusCore
import Foundation
import Model

/// Adds `binding.save`, `binding.list`, `binding.sync` and `binding.delete`.
func addBindingRoutes(router: inout Router, repository: any ParticipationRepository, writer: MeasureBindingWriter) {
    router.on(ParticipationContracts.BindingSave.self) { binding, context in
        try await checkFigure(binding.figure, repository)
        try await writer.measures?.checkMeasure(planId: binding.planId, item: binding.item, measureId: binding.measureId)
        try await repository.saveBinding(binding)
        context.logger.info("measure bound", metadata: [
            "plan": "\(binding.planId)", "measure": "\(binding.key)", "figure": "\(binding.figure)",
        ])
        guard let state = try await writer.states(of: [binding], write: true).first else {
            throw ServiceError(.internalError, code: "internal_error", "the binding was stored but not computed")
        }
        return state
    }
    router.on(ParticipationContracts.BindingList.self) { filter, _ in
        try await writer.states(of: try await bindings(filter, repository), write: false)
    }
    router.on(ParticipationContracts.BindingSync.self) { filter, context in
        let states = try await writer.states(of: try await bindings(filter, repository), write: true)
        context.logger.info("bound measures synchronised", metadata: [
            "bindings": "\(states.count)", "written": "\(states.reduce(0) { $0 + $1.written.count })",
            "problems": "\(states.filter { $0.problem != nil }.count)",
        ])
        return states
    }
    router.on(ParticipationContracts.BindingDelete.self) { request, _ in
        guard let binding = try await repository.bindings().first(where: {
            $0.planId == request.planId && $0.item == request.item && $0.measureId == request.measureId
        }) else {
            throw ServiceError.notFound("measure '\(request.measureId)' of item '\(request.item)' of plan '\(request.planId)' is not bound",
                                        details: ["field": "measureId"])
        }
        try await repository.deleteBinding(planId: request.planId, item: request.item, measureId: request.measureId)
        return binding
    }
}

private func bindings(_ filter: ParticipationContracts.BindingFilter,
                      _ repository: any ParticipationRepository) async throws -> [MeasureBinding] {
    try await repository.bindings().filter { filter.planId == nil || $0.planId == filter.planId }
}

/// A 404 when the survey, question or round a figure names does not exist; a 400 when a
/// question's mean is asked of a question that has no numbers.
private func checkFigure(_ figure: ParticipationFigure, _ repository: any ParticipationRepository) async throws {
    switch figure {
    case .surveyResponseRate(let surveyId):
        let survey = try await loadSurvey(surveyId, repository)
        guard survey.targetSize != nil else {
            throw ServiceError.badRequest("survey '\(surveyId)' has no target size, so it has no response rate",
                                          details: ["field": "figure"])
        }
    case .questionMean(let surveyId, let questionId):
        let survey = try await loadSurvey(surveyId, repository)
        guard let question = survey.questions.first(where: { $0.id == questionId }) else {
            throw ServiceError.notFound("survey '\(surveyId)' has no question '\(questionId)'", details: ["field": "figure"])
        }
        guard question.kind.isNumeric else {
            throw ServiceError.badRequest("question '\(questionId)' of survey '\(surveyId)' is not a scale or a number; it has no mean",
                                          details: ["field": "figure"])
        }
    case .budgetingProjectsFunded(let roundId?), .budgetingProjectsCompleted(let roundId?):
        _ = try await loadRound(roundId, repository)
    case .budgetingProjectsFunded(nil), .budgetingProjectsCompleted(nil), .statementsGiven, .eventParticipants:
        break
    }
}
