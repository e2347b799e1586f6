import Foundation
import Model

/// Where participation records are kept. The participation logic is pure; the routes load what they
/// need through this protocol and save each change whole, in one call.
///
/// The storage service implements it in production; `InMemoryParticipationRepository` in tests.
public protocol ParticipationRepository: Sendable {
    /// The survey with `id`, or nil.
    func survey(id: String) async throws -> Survey?
    /// Every survey.
    func surveys() async throws -> [Survey]
    /// Creates or replaces a survey.
    func saveSurvey(_ survey: Survey) async throws
    /// Adds unused invitation-token hashes to a survey.
    func addTokenHashes(_ hashes: [String], surveyId: String) async throws
    /// Stores `responses` and, if `tokenHash` is given, marks that token used — all or nothing.
    ///
    /// When `requestId` was already applied to this survey, stores nothing and returns false: a
    /// request retried by the bus is answered without storing the response twice. Applied request
    /// ids are kept as a set per survey, with no link to the responses.
    /// Throws `ParticipationRepositoryError.tokenUnknown` or `.tokenUsed` and stores nothing when the
    /// token is not an unused token of the survey. The used-token record holds only the hash.
    @discardableResult
    func saveResponses(_ responses: [SurveyResponse], surveyId: String, consumingTokenHash tokenHash: String?,
                       requestId: String?) async throws -> Bool
    /// The stored responses of a survey.
    func responses(surveyId: String) async throws -> [SurveyResponse]

    /// The round with `id` and its secret, or nil.
    func round(id: String) async throws -> BudgetingRoundRecord?
    /// Every round.
    func rounds() async throws -> [BudgetingRoundRecord]
    /// Creates or replaces a round.
    func saveRound(_ record: BudgetingRoundRecord) async throws
    /// The proposals of a round, in the order they were made.
    func proposals(roundId: String) async throws -> [BudgetingProposal]
    /// Creates or replaces proposals (by round and id).
    func saveProposals(_ proposals: [BudgetingProposal]) async throws
    /// The ballots of a round.
    func ballots(roundId: String) async throws -> [BudgetingBallot]
    /// Stores a ballot, replacing the ballot of the same voter key in the same round.
    /// Returns true when it replaced an earlier ballot of the same voter in the round.
    @discardableResult
    func saveBallot(_ ballot: BudgetingBallot) async throws -> Bool

    /// The panel with `id`, or nil.
    func panel(id: String) async throws -> ResidentPanel?
    /// Every panel.
    func panels() async throws -> [ResidentPanel]
    /// Creates or replaces a panel.
    func savePanel(_ panel: ResidentPanel) async throws
    /// The statement request with `id`, or nil.
    func hearing(id: String) async throws -> HearingRequest?
    /// Every statement request.
    func hearings() async throws -> [HearingRequest]
    /// Creates or replaces a statement request.
    func saveHearing(_ hearing: HearingRequest) async throws
    /// Every event.
    func events() async throws -> [ParticipationEvent]
    /// Creates or replaces an event.
    func saveEvent(_ event: ParticipationEvent) async throws
    /// The impact assessment with `id`, or nil.
    func assessment(id: String) async throws -> ImpactAssessment?
    /// Every impact assessment.
    func assessments() async throws -> [ImpactAssessment]
    /// Creates or replaces an impact assessment.
    func saveAssessment(_ assessment: ImpactAssessment) async throws

    /// Every measure binding.
    func bindings() async throws -> [MeasureBinding]
    /// Creates or replaces the binding of a measure (by plan, item and measure).
    func saveBinding(_ binding: MeasureBinding) async throws
    /// Removes the binding of a measure; false when there was none.
    @discardableResult
    func deleteBinding(planId: String, item: String, measureId: String) async throws -> Bool
}

extension MeasureBinding {
    /// The binding's id among the stored bindings: `PLAN/ITEM/MEASURE`.
    var recordId: String { Self.recordId(planId: planId, item: item, measureId: measureId) }

    /// The stored id of the binding of measure `measureId` of item `item` of plan `planId`.
    static func recordId(planId: String, item: String, measureId: String) -> String { "\(planId)/\(item)/\(measureId)" }
}
