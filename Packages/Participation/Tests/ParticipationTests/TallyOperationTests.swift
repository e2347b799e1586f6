import BusCore
import BusTesting
import Logging
import Model
import Participation
import Testing

@Suite struct TallyOperationTests {
    private func bus() -> InMemoryBus {
        let bus = InMemoryBus()
        bus.register(buildParticipationRouter(logger: Logger(label: "test.participation")))
        return bus
    }

    @Test func talliesARoundOverTheBus() async throws {
        let request = ParticipationContracts.Tally.Request(
            budget: 20_000, rule: .approval(maxChoices: 1), projects: villageProjects,
            ballots: [["valot"], ["valot"], ["penkit"], ["penkit", "valot"]])
        let response = try await bus().call(ParticipationContracts.Tally.self, request)
        #expect(response.winners == ["valot", "penkit"])
        #expect(response.spent == 20_000)
        #expect(response.countedBallots == 3)
        #expect(response.refusedBallots == [.init(ballot: 4, reason: "2 projects chosen, at most 1 allowed")])
    }

    @Test func aNegativeBudgetIsABadRequest() async throws {
        let request = ParticipationContracts.Tally.Request(budget: -100, rule: .knapsack, projects: villageProjects, ballots: [])
        let error = await #expect(throws: ServiceCallError.self) {
            try await bus().call(ParticipationContracts.Tally.self, request)
        }
        #expect(error?.status == 400)
        #expect(error?.error.code == "bad_request")
        #expect(error?.error.message == "budget: must not be negative, got -100.0")
        #expect(error?.error.details == ["field": "budget"])
    }
}
