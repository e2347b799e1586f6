import BusCore
import Foundation
import Model

/// The thank-you a respondent sees after answering.
let surveyThanks = LocalizedText(fi: "Kiitos vastauksestasi!", sv: "Tack för ditt svar!", en: "Thank you for your response!")

/// Adds `survey.create`, `survey.get`, `survey.open`, `survey.close`, `survey.tokens`, `survey.answer`,
/// `survey.results` and `survey.import`.
func addSurveyRoutes(router: inout Router, repository: any ParticipationRepository, writer: MeasureBindingWriter,
                     clock: @escaping ParticipationClock) {
    router.on(ParticipationContracts.SurveyCreate.self) { survey, _ in
        var survey = survey
        do throws(SurveyDefinitionError) {
            try survey.check()
        } catch {
            throw ServiceError.badRequest(error.description, details: ["field": error.field])
        }
        if let existing = try await repository.survey(id: survey.id), existing.state != .draft {
            throw ServiceError.conflict("survey '\(survey.id)' is \(existing.state.rawValue); only a draft can be replaced")
        }
        survey.state = .draft
        try await repository.saveSurvey(survey)
        return survey
    }
    router.on(ParticipationContracts.SurveyGet.self) { request, _ in
        try await loadSurvey(request.surveyId, repository)
    }
    router.on(ParticipationContracts.SurveyList.self) { _, _ in try await repository.surveys() }
    router.on(ParticipationContracts.SurveyOpen.self) { request, _ in
        var survey = try await loadSurvey(request.surveyId, repository)
        guard survey.state == .draft else {
            throw ServiceError.conflict("survey '\(survey.id)' is \(survey.state.rawValue); only a draft can be opened")
        }
        survey.state = .open
        try await repository.saveSurvey(survey)
        return survey
    }
    router.on(ParticipationContracts.SurveyClose.self) { request, context in
        var survey = try await loadSurvey(request.surveyId, repository)
        guard survey.state == .open else {
            throw ServiceError.conflict("survey '\(survey.id)' is \(survey.state.rawValue); only an open survey can be closed")
        }
        survey.state = .closed
        survey.closedAt = clock()
        try await repository.saveSurvey(survey)
        let id = survey.id
        await writer.changed(logger: context.logger) { $0.survey == id }
        return survey
    }
    router.on(ParticipationContracts.SurveyTokens.self) { request, _ in
        let survey = try await loadSurvey(request.surveyId, repository)
        guard (1...10_000).contains(request.count) else {
            throw ServiceError.badRequest("count: between 1 and 10000 tokens at a time, got \(request.count)", details: ["field": "count"])
        }
        guard survey.state != .closed else { throw ServiceError.conflict("survey '\(survey.id)' is closed") }
        let tokens = (0..<request.count).map { _ in InvitationToken.generate() }
        try await repository.addTokenHashes(tokens.map(InvitationToken.hash), surveyId: survey.id)
        return .init(tokens: tokens)
    }
    router.on(ParticipationContracts.SurveyRespond.self) { request, context in
        let survey = try await loadSurvey(request.surveyId, repository)
        guard survey.isAcceptingAnswers(at: clock()) else {
            throw ServiceError.conflict("survey '\(survey.id)' does not take answers now (it is \(survey.state.rawValue)"
                + (survey.isClosed(at: clock()) ? " or past its close time)" : " or not yet at its open time)"))
                .withResidentText(ResidentMessages.surveyNotOpen)
        }
        let token = request.token.flatMap { $0.isEmpty ? nil : $0 }
        if survey.invitationOnly, token == nil {
            throw ServiceError.badRequest("survey '\(survey.id)' is answered by invitation only; the token is missing",
                                          details: ["field": "token"]).withResidentText(ResidentMessages.tokenMissing)
        }
        let answers: [String: SurveyAnswer]
        do throws(SurveyAnswerErrors) {
            answers = try survey.checkAnswers(request.answers)
        } catch {
            var details: [String: String] = [:]
            for problem in error.problems {
                details[problem.question] = problem.message
                details["\(problem.question).fi"] = problem.text.fi
                details["\(problem.question).sv"] = problem.text.sv
            }
            throw ServiceError.badRequest("the response was not stored: \(error.description)", details: details)
        }
        let response = SurveyResponse(id: UUID().uuidString.lowercased(), surveyId: survey.id,
                                      respondent: survey.anonymous ? nil : context.actor.id, answers: answers)
        do {
            let stored = try await repository.saveResponses([response], surveyId: survey.id,
                                                            consumingTokenHash: token.map(InvitationToken.hash),
                                                            requestId: context.headers.requestId)
            if !stored { context.logger.info("repeated request answered again without storing", metadata: ["survey": "\(survey.id)"]) }
        } catch ParticipationRepositoryError.tokenUsed {
            throw ServiceError.conflict("this invitation token has already been used; a token answers once", details: ["field": "token"])
                .withResidentText(ResidentMessages.tokenUsed)
        } catch ParticipationRepositoryError.tokenUnknown {
            throw ServiceError.badRequest("this invitation token is not one of survey '\(survey.id)'", details: ["field": "token"])
                .withResidentText(ResidentMessages.tokenUnknown)
        }
        context.logger.info("survey response stored", metadata: ["survey": "\(survey.id)", "answers": "\(answers.count)"])
        return .init(message: surveyThanks)
    }
    router.on(ParticipationContracts.SurveyResultsGet.self) { request, _ in
        let survey = try await loadSurvey(request.surveyId, repository)
        guard survey.isClosed(at: clock()) || survey.resultsVisibleBeforeClose else {
            throw ServiceError.conflict("the results of survey '\(survey.id)' are published when it closes")
        }
        return survey.results(of: try await repository.responses(surveyId: survey.id))
    }
    router.on(ParticipationContracts.SurveyImport.self) { request, context in
        let survey = try await loadSurvey(request.surveyId, repository)
        let delimiterText = request.delimiter ?? ","
        guard delimiterText.count == 1, let delimiter = delimiterText.first, delimiter != "\"", delimiter != "|" else {
            throw ServiceError.badRequest("delimiter: one character other than '\"' and '|', got '\(delimiterText)'",
                                          details: ["field": "delimiter"])
        }
        let imported: [ImportedResponse]
        do throws(SurveyImportErrors) {
            imported = try survey.importAnswers(csv: request.csv, delimiter: delimiter, ignoredColumns: Set(request.ignoredColumns ?? []))
        } catch {
            var details = ["problems": "\(error.problems.count)"]
            if let first = error.problems.first {
                details["line"] = "\(first.line)"
                if let column = first.column { details["column"] = "\(column)" }
            }
            throw ServiceError.badRequest("nothing was imported: \(error.description)", details: details)
        }
        let responses = imported.map {
            SurveyResponse(id: UUID().uuidString.lowercased(), surveyId: survey.id, respondent: $0.respondent, answers: $0.answers)
        }
        let stored = try await repository.saveResponses(responses, surveyId: survey.id, consumingTokenHash: nil,
                                                        requestId: context.headers.requestId)
        guard stored else { return .init(imported: responses.count) }
        context.logger.info("survey responses imported", metadata: ["survey": "\(survey.id)", "responses": "\(responses.count)"])
        let id = survey.id
        await writer.changed(logger: context.logger) { $0.survey == id }
        return .init(imported: responses.count)
    }
}

/// The survey with `id`, or a 404.
func loadSurvey(_ id: String, _ repository: any ParticipationRepository) async throws -> Survey {
    guard let survey = try await repository.survey(id: id) else { throw ServiceError.notFound("no survey '\(id)'") }
    return survey
}
