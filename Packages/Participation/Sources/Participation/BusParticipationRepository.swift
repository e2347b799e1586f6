import BusCore
import Foundation
import Model

/// A `ParticipationRepository` kept by the storage service, reached over the bus
/// (`participation.*` operations of `storage`, `ParticipationStorageContracts`).
///
/// Records travel as JSON documents. Each call is one storage request with a request id of its
/// own, so a retry of the bus is applied once; a survey response also carries the participation
/// request's id, which the survey keeps in its set of applied request ids.
public struct BusParticipationRepository: ParticipationRepository {
    private let bus: any BusClient
    private let actor: Actor
    private let options: RequestOptions

    /// A repository over `bus`, calling storage as `actor`.
    public init(bus: any BusClient, actor: Actor = Actor(id: "service:participation", roles: ["service"]),
                options: RequestOptions = RequestOptions()) {
        self.bus = bus
        self.actor = actor
        self.options = options
    }

    private func call<C: Contract>(_ contract: C.Type, _ request: C.Request) async throws -> C.Response {
        try await bus.call(contract, request, headers: RequestHeaders(requestId: UUID().uuidString, actor: actor),
                           options: options)
    }

    private func record<T: Decodable>(_ type: T.Type, kind: ParticipationStorageRecordKind, parent: String = "",
                                      id: String) async throws -> T? {
        let reply = try await call(ParticipationStorageContracts.GetRecord.self, .init(kind: kind, parent: parent, id: id))
        return try reply.document.map { try Self.decode(type, $0, kind: kind) }
    }

    private func records<T: Decodable>(_ type: T.Type, kind: ParticipationStorageRecordKind,
                                       parent: String = "") async throws -> [T] {
        let reply = try await call(ParticipationStorageContracts.ListRecords.self, .init(kind: kind, parent: parent))
        return try reply.documents.map { try Self.decode(type, $0, kind: kind) }
    }

    @discardableResult
    private func save<T: Encodable>(_ values: [T], kind: ParticipationStorageRecordKind, parent: String = "",
                                    id: (T) -> String) async throws -> ParticipationStorageContracts.SaveRecords.Response {
        guard !values.isEmpty else { return .init(created: 0, updated: 0) }
        let records = try values.map { value in
            ParticipationStorageContracts.Record(
                id: id(value), document: String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self))
        }
        return try await call(ParticipationStorageContracts.SaveRecords.self, .init(kind: kind, parent: parent, records: records))
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ document: String,
                                             kind: ParticipationStorageRecordKind) throws -> T {
        do {
            return try JSONCoding.decoder.decode(type, from: Data(document.utf8))
        } catch {
            throw BusError.malformedReply("storage: a stored \(kind.rawValue) cannot be read: \(JSONCoding.describe(error))")
        }
    }

    public func survey(id: String) async throws -> Survey? { try await record(Survey.self, kind: .survey, id: id) }
    public func surveys() async throws -> [Survey] { try await records(Survey.self, kind: .survey).sorted { $0.id < $1.id } }
    public func saveSurvey(_ survey: Survey) async throws { try await save([survey], kind: .survey) { $0.id } }

    public func addTokenHashes(_ hashes: [String], surveyId: String) async throws {
        _ = try await call(ParticipationStorageContracts.AddTokenHashes.self, .init(surveyId: surveyId, hashes: hashes))
    }

    @discardableResult
    public func saveResponses(_ responses: [SurveyResponse], surveyId: String, consumingTokenHash tokenHash: String?,
                              requestId: String?) async throws -> Bool {
        do {
            return try await call(ParticipationStorageContracts.SaveResponses.self,
                                  .init(surveyId: surveyId, responses: responses, tokenHash: tokenHash,
                                        appliedRequestId: requestId)).stored
        } catch let error as ServiceCallError where error.error.details?["token"] == "used" {
            throw ParticipationRepositoryError.tokenUsed
        } catch let error as ServiceCallError where error.error.details?["token"] == "unknown" {
            throw ParticipationRepositoryError.tokenUnknown
        }
    }

    public func responses(surveyId: String) async throws -> [SurveyResponse] {
        try await call(ParticipationStorageContracts.ListResponses.self, .init(surveyId: surveyId)).responses
    }

    public func round(id: String) async throws -> BudgetingRoundRecord? {
        try await record(ParticipationStorageRound.self, kind: .round, id: id).map(BudgetingRoundRecord.init)
    }

    public func rounds() async throws -> [BudgetingRoundRecord] {
        try await records(ParticipationStorageRound.self, kind: .round).map(BudgetingRoundRecord.init)
            .sorted { $0.round.id < $1.round.id }
    }

    public func saveRound(_ record: BudgetingRoundRecord) async throws {
        let stored = ParticipationStorageRound(round: record.round, secret: record.secret, result: record.result)
        try await save([stored], kind: .round) { $0.round.id }
    }

    public func proposals(roundId: String) async throws -> [BudgetingProposal] {
        try await records(BudgetingProposal.self, kind: .proposal, parent: roundId)
    }

    public func saveProposals(_ proposals: [BudgetingProposal]) async throws {
        for (roundId, group) in Dictionary(grouping: proposals, by: \.roundId).sorted(by: { $0.key < $1.key }) {
            try await save(group, kind: .proposal, parent: roundId) { $0.id }
        }
    }

    public func ballots(roundId: String) async throws -> [BudgetingBallot] {
        try await records(BudgetingBallot.self, kind: .ballot, parent: roundId)
    }

    @discardableResult
    public func saveBallot(_ ballot: BudgetingBallot) async throws -> Bool {
        // Keyed by the voter key: storage replaces the voter's earlier ballot and says it created none.
        try await save([ballot], kind: .ballot, parent: ballot.roundId) { $0.voterKey }.created == 0
    }

    public func panel(id: String) async throws -> ResidentPanel? { try await record(ResidentPanel.self, kind: .panel, id: id) }
    public func panels() async throws -> [ResidentPanel] {
        try await records(ResidentPanel.self, kind: .panel).sorted { $0.id < $1.id }
    }
    public func savePanel(_ panel: ResidentPanel) async throws { try await save([panel], kind: .panel) { $0.id } }

    public func hearing(id: String) async throws -> HearingRequest? {
        try await record(HearingRequest.self, kind: .hearing, id: id)
    }
    public func hearings() async throws -> [HearingRequest] {
        try await records(HearingRequest.self, kind: .hearing).sorted { $0.id < $1.id }
    }
    public func saveHearing(_ hearing: HearingRequest) async throws { try await save([hearing], kind: .hearing) { $0.id } }

    public func events() async throws -> [ParticipationEvent] {
        try await records(ParticipationEvent.self, kind: .event).sorted { $0.id < $1.id }
    }
    public func saveEvent(_ event: ParticipationEvent) async throws { try await save([event], kind: .event) { $0.id } }

    public func assessment(id: String) async throws -> ImpactAssessment? {
        try await record(ImpactAssessment.self, kind: .assessment, id: id)
    }
    public func assessments() async throws -> [ImpactAssessment] {
        try await records(ImpactAssessment.self, kind: .assessment).sorted { $0.id < $1.id }
    }
    public func saveAssessment(_ assessment: ImpactAssessment) async throws {
        try await save([assessment], kind: .assessment) { $0.id }
    }

    public func bindings() async throws -> [MeasureBinding] {
        try await records(MeasureBinding.self, kind: .binding).sorted { $0.recordId < $1.recordId }
    }
    public func saveBinding(_ binding: MeasureBinding) async throws { try await save([binding], kind: .binding) { $0.recordId } }
    @discardableResult
    public func deleteBinding(planId: String, item: String, measureId: String) async throws -> Bool {
        let id = MeasureBinding.recordId(planId: planId, item: item, measureId: measureId)
        let reply = try await call(ParticipationStorageContracts.SaveRecords.self, .init(kind: .binding, records: [], deletions: [id]))
        return (reply.deleted ?? 0) > 0
    }
}

extension BudgetingRoundRecord {
    /// The record as the storage service returned it.
    init(_ stored: ParticipationStorageRound) {
        self.init(round: stored.round, secret: stored.secret, result: stored.result)
    }
}
