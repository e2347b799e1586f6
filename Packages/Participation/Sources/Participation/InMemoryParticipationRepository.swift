import Foundation
import Model

/// A `ParticipationRepository` in memory, for tests and local runs.
public actor InMemoryParticipationRepository: ParticipationRepository {
    private var surveysById: [String: Survey] = [:]
    private var unusedTokens: [String: Set<String>] = [:]
    private var usedTokens: [String: Set<String>] = [:]
    private var appliedRequests: [String: Set<String>] = [:]
    private var responsesBySurvey: [String: [SurveyResponse]] = [:]
    private var roundsById: [String: BudgetingRoundRecord] = [:]
    private var proposalsByRound: [String: [BudgetingProposal]] = [:]
    private var ballotsByRound: [String: [BudgetingBallot]] = [:]
    private var panelsById: [String: ResidentPanel] = [:]
    private var hearingsById: [String: HearingRequest] = [:]
    private var eventsById: [String: ParticipationEvent] = [:]
    private var assessmentsById: [String: ImpactAssessment] = [:]
    private var bindingsById: [String: MeasureBinding] = [:]

    /// An empty repository.
    public init() {}

    public func survey(id: String) -> Survey? { surveysById[id] }
    public func surveys() -> [Survey] { surveysById.values.sorted { $0.id < $1.id } }
    public func saveSurvey(_ survey: Survey) { surveysById[survey.id] = survey }

    public func addTokenHashes(_ hashes: [String], surveyId: String) {
        unusedTokens[surveyId, default: []].formUnion(hashes)
    }

    @discardableResult
    public func saveResponses(_ responses: [SurveyResponse], surveyId: String, consumingTokenHash tokenHash: String?,
                              requestId: String?) throws -> Bool {
        if let requestId, appliedRequests[surveyId]?.contains(requestId) == true { return false }
        if let tokenHash {
            if usedTokens[surveyId]?.contains(tokenHash) == true { throw ParticipationRepositoryError.tokenUsed }
            guard unusedTokens[surveyId]?.contains(tokenHash) == true else { throw ParticipationRepositoryError.tokenUnknown }
            unusedTokens[surveyId]?.remove(tokenHash)
            usedTokens[surveyId, default: []].insert(tokenHash)
        }
        responsesBySurvey[surveyId, default: []] += responses
        if let requestId { appliedRequests[surveyId, default: []].insert(requestId) }
        return true
    }

    public func responses(surveyId: String) -> [SurveyResponse] { responsesBySurvey[surveyId] ?? [] }

    /// The token hashes of a survey, unused and used, exactly as stored (for tests).
    public func tokenHashes(surveyId: String) -> (unused: Set<String>, used: Set<String>) {
        (unusedTokens[surveyId] ?? [], usedTokens[surveyId] ?? [])
    }

    public func round(id: String) -> BudgetingRoundRecord? { roundsById[id] }
    public func rounds() -> [BudgetingRoundRecord] { roundsById.values.sorted { $0.round.id < $1.round.id } }
    public func saveRound(_ record: BudgetingRoundRecord) { roundsById[record.round.id] = record }
    public func proposals(roundId: String) -> [BudgetingProposal] { proposalsByRound[roundId] ?? [] }

    public func saveProposals(_ proposals: [BudgetingProposal]) {
        for proposal in proposals {
            if let index = proposalsByRound[proposal.roundId]?.firstIndex(where: { $0.id == proposal.id }) {
                proposalsByRound[proposal.roundId]?[index] = proposal
            } else {
                proposalsByRound[proposal.roundId, default: []].append(proposal)
            }
        }
    }

    public func ballots(roundId: String) -> [BudgetingBallot] { ballotsByRound[roundId] ?? [] }

    @discardableResult
    public func saveBallot(_ ballot: BudgetingBallot) -> Bool {
        if let index = ballotsByRound[ballot.roundId]?.firstIndex(where: { $0.voterKey == ballot.voterKey }) {
            ballotsByRound[ballot.roundId]?[index] = ballot
            return true
        }
        ballotsByRound[ballot.roundId, default: []].append(ballot)
        return false
    }

    public func panel(id: String) -> ResidentPanel? { panelsById[id] }
    public func panels() -> [ResidentPanel] { panelsById.values.sorted { $0.id < $1.id } }
    public func savePanel(_ panel: ResidentPanel) { panelsById[panel.id] = panel }
    public func hearing(id: String) -> HearingRequest? { hearingsById[id] }
    public func hearings() -> [HearingRequest] { hearingsById.values.sorted { $0.id < $1.id } }
    public func saveHearing(_ hearing: HearingRequest) { hearingsById[hearing.id] = hearing }
    public func events() -> [ParticipationEvent] { eventsById.values.sorted { $0.id < $1.id } }
    public func saveEvent(_ event: ParticipationEvent) { eventsById[event.id] = event }
    public func assessment(id: String) -> ImpactAssessment? { assessmentsById[id] }
    public func assessments() -> [ImpactAssessment] { assessmentsById.values.sorted { $0.id < $1.id } }
    public func saveAssessment(_ assessment: ImpactAssessment) { assessmentsById[assessment.id] = assessment }
    public func bindings() -> [MeasureBinding] { bindingsById.values.sorted { $0.recordId < $1.recordId } }
    public func saveBinding(_ binding: MeasureBinding) { bindingsById[binding.recordId] = binding }
    @discardableResult
    public func deleteBinding(planId: String, item: String, measureId: String) -> Bool {
        let id = MeasureBinding.recordId(planId: planId, item: item, measureId: measureId)
        return bindingsById.removeValue(forKey: id) != nil
    }
}
