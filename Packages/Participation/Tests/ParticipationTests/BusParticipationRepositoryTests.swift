import BusCore
import BusTesting
import Foundation
import Logging
import Model
import Participation
import Testing

/// `BusParticipationRepository` over a storage stand-in: records round-trip, token refusals come
/// back as repository errors, and the participation operations work on it end to end.
@Suite struct BusParticipationRepositoryTests {
    private func repository() -> (BusParticipationRepository, InMemoryBus) {
        let bus = InMemoryBus()
        bus.register(ParticipationFakeStorage().router)
        return (BusParticipationRepository(bus: bus), bus)
    }

    @Test func recordsRoundTripThroughStorage() async throws {
        let (repository, _) = repository()
        let survey = Survey(id: "s1", title: LocalizedText(fi: "Kysely"),
                            questions: [SurveyQuestion(id: "q1", label: LocalizedText(fi: "K"), kind: .nps)])
        try await repository.saveSurvey(survey)
        #expect(try await repository.survey(id: "s1") == survey)
        #expect(try await repository.survey(id: "none") == nil)
        #expect(try await repository.surveys() == [survey])

        let round = BudgetingRound(id: "r1", title: LocalizedText(fi: "Kierros"), budget: 1000,
                                   schedule: BudgetingSchedule(proposalsOpen: day(0), screeningStarts: day(1), votingOpens: day(2),
                                                               votingCloses: day(3), implementationStarts: day(4)),
                                   rule: .knapsack)
        let record = BudgetingRoundRecord(round: round, secret: Data(repeating: 1, count: 32))
        try await repository.saveRound(record)
        #expect(try await repository.round(id: "r1") == record)

        try await repository.saveBallot(BudgetingBallot(roundId: "r1", voterKey: "k", choices: ["a"]))
        try await repository.saveBallot(BudgetingBallot(roundId: "r1", voterKey: "k", choices: ["b"]))
        #expect(try await repository.ballots(roundId: "r1") == [BudgetingBallot(roundId: "r1", voterKey: "k", choices: ["b"])])
    }

    @Test func tokenRefusalsBecomeRepositoryErrors() async throws {
        let (repository, _) = repository()
        let hash = String(repeating: "a", count: 64)
        try await repository.addTokenHashes([hash], surveyId: "s1")
        let response = SurveyResponse(id: "x", surveyId: "s1", answers: ["q1": .scale(3)])
        #expect(try await repository.saveResponses([response], surveyId: "s1", consumingTokenHash: hash, requestId: "r1"))
        #expect(try await repository.saveResponses([response], surveyId: "s1", consumingTokenHash: hash, requestId: "r1") == false)
        await #expect(throws: ParticipationRepositoryError.tokenUsed) {
            try await repository.saveResponses([response], surveyId: "s1", consumingTokenHash: hash, requestId: "r2")
        }
        await #expect(throws: ParticipationRepositoryError.tokenUnknown) {
            try await repository.saveResponses([response], surveyId: "s1", consumingTokenHash: String(repeating: "b", count: 64),
                                               requestId: "r3")
        }
        #expect(try await repository.responses(surveyId: "s1") == [response])
    }

    @Test func surveyOperationsWorkOverTheBusRepository() async throws {
        let (repository, bus) = repository()
        bus.register(buildParticipationRouter(logger: Logger(label: "test"), repository: repository, clock: { day0 }))
        let survey = Survey(id: "s1", title: LocalizedText(fi: "Kysely"),
                            questions: [SurveyQuestion(id: "q1", label: LocalizedText(fi: "K"), kind: .likert(points: 5))])
        _ = try await bus.call(ParticipationContracts.SurveyCreate.self, survey)
        _ = try await bus.call(ParticipationContracts.SurveyOpen.self, .init(surveyId: "s1"))
        let token = try #require(try await bus.call(ParticipationContracts.SurveyTokens.self, .init(surveyId: "s1", count: 1))
            .tokens.first)
        _ = try await bus.call(ParticipationContracts.SurveyRespond.self, .init(surveyId: "s1", token: token, answers: ["q1": ["4"]]))
        let refused = await callError(bus, ParticipationContracts.SurveyRespond.self,
                                      .init(surveyId: "s1", token: token, answers: ["q1": ["2"]]))
        #expect(refused?.status == 409)
        _ = try await bus.call(ParticipationContracts.SurveyClose.self, .init(surveyId: "s1"))
        let results = try await bus.call(ParticipationContracts.SurveyResultsGet.self, .init(surveyId: "s1"))
        #expect(results.responses == 1)
        #expect(results.questions.first?.mean == 4)
    }

    @Test func fileClockReadsTheTimeFromItsFile() throws {
        let path = NSTemporaryDirectory() + "hyte-clock-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "2025-03-10T12:00:00Z\n".write(toFile: path, atomically: true, encoding: .utf8)
        let clock = ParticipationFileClock.fromEnvironment([ParticipationFileClock.environmentKey: path])
        #expect(clock() == Date(timeIntervalSince1970: 1_741_608_000))
    }
}
