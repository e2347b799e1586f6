import Foundation
import Model

/// The participation records a figure is computed from.
public struct ParticipationRecords: Sendable {
    public var surveys: [Survey]
    /// Stored responses by survey id.
    public var responses: [String: [SurveyResponse]]
    public var rounds: [BudgetingRound]
    /// Kept results by round id (`pb.results` keeps a result the first time it is asked for).
    public var results: [String: ParticipationContracts.Tally.Response]
    public var proposals: [BudgetingProposal]
    public var hearings: [HearingRequest]
    public var events: [ParticipationEvent]

    /// Records as given; every list may be empty.
    public init(surveys: [Survey] = [], responses: [String: [SurveyResponse]] = [:], rounds: [BudgetingRound] = [],
                results: [String: ParticipationContracts.Tally.Response] = [:], proposals: [BudgetingProposal] = [],
                hearings: [HearingRequest] = [], events: [ParticipationEvent] = []) {
        self.surveys = surveys
        self.responses = responses
        self.rounds = rounds
        self.results = results
        self.proposals = proposals
        self.hearings = hearings
        self.events = events
    }

    /// The value of `figure` for `period`, or nil when the records do not give one (an unknown survey
    /// or question, a survey without a target size, a question without numeric answers).
    ///
    /// Survey figures are the survey's results as they stand, whatever the period: a survey is one
    /// measurement. The other figures count records dated in the period in Finnish time: rounds whose
    /// voting closed in it, projects marked done in it, statements given in it, events held in it.
    public func value(of figure: ParticipationFigure, for period: ReportingPeriod) -> Double? {
        switch figure {
        case .surveyResponseRate(let surveyId):
            guard let survey = surveys.first(where: { $0.id == surveyId }) else { return nil }
            return survey.results(of: responses[surveyId] ?? []).responseRate
        case .questionMean(let surveyId, let questionId):
            guard let survey = surveys.first(where: { $0.id == surveyId }) else { return nil }
            return survey.results(of: responses[surveyId] ?? []).questions.first { $0.questionId == questionId }?.mean
        case .budgetingProjectsFunded(let roundId):
            let funded = rounds.filter { roundId == nil || $0.id == roundId }
                .filter { ParticipationCalendar.period(period, contains: $0.schedule.votingCloses) }
                .reduce(0) { $0 + (results[$1.id]?.winners.count ?? 0) }
            return Double(funded)
        case .budgetingProjectsCompleted(let roundId):
            return Double(proposals.filter { proposal in
                guard roundId == nil || proposal.roundId == roundId, let implementation = proposal.implementation else { return false }
                return implementation.status == .done && ParticipationCalendar.period(period, contains: implementation.updatedAt)
            }.count)
        case .statementsGiven(let council):
            return Double(hearings.filter { request in
                guard council == nil || request.council == council, let statement = request.statement else { return false }
                return ParticipationCalendar.period(period, contains: statement.date)
            }.count)
        case .eventParticipants(let kind):
            return Double(events.filter { (kind == nil || $0.kind == kind) && ParticipationCalendar.period(period, contains: $0.date) }
                .reduce(0) { $0 + $1.participants })
        }
    }
}

extension ParticipationRepository {
    /// Every record a figure may need.
    public func participationRecords() async throws -> ParticipationRecords {
        let surveys = try await surveys()
        var responses: [String: [SurveyResponse]] = [:]
        for survey in surveys { responses[survey.id] = try await self.responses(surveyId: survey.id) }
        let rounds = try await rounds()
        var proposals: [BudgetingProposal] = []
        for record in rounds { proposals += try await self.proposals(roundId: record.round.id) }
        return ParticipationRecords(surveys: surveys, responses: responses, rounds: rounds.map(\.round),
                                    results: Dictionary(rounds.compactMap { record in record.result.map { (record.round.id, $0) } }) { a, _ in a },
                                    proposals: proposals, hearings: try await hearings(), events: try await events())
    }
}
