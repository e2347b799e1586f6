import BusCore
import BusTesting
import Foundation
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

@Suite struct TallyProtocolExampleTests {
    /// The request of `docs/protocol/participation.md`, byte for byte.
    private let documentedRequest = #"""
    {
      "budget": 70000,
      "rule": {"knapsack": {}},
      "projects": [
        {"id": "leikkipuisto", "title": {"fi": "Leikkipuisto", "sv": "Lekpark"}, "cost": 40000},
        {"id": "penkit", "title": {"fi": "Penkit rantaan", "sv": "Bänkar vid stranden"}, "cost": 5000},
        {"id": "sauna", "title": {"fi": "Yleinen sauna", "sv": "Allmän bastu"}, "cost": 60000}
      ],
      "ballots": [["leikkipuisto", "penkit"], ["sauna"], ["sauna", "leikkipuisto"], ["sauna", "penkit"], []]
    }
    """#

    @Test func documentedRequestGivesDocumentedReply() throws {
        let request = try JSONCoding.decoder.decode(ParticipationContracts.Tally.Request.self, from: Data(documentedRequest.utf8))
        let response = try BudgetTally(request).tally(request.ballots)
        #expect(response == .init(
            ranking: [
                .init(id: "penkit", votes: 2, cost: 5000, funded: true),
                .init(id: "sauna", votes: 2, cost: 60000, funded: true),
                .init(id: "leikkipuisto", votes: 1, cost: 40000, funded: false),
            ],
            winners: ["penkit", "sauna"], spent: 65000, countedBallots: 3,
            refusedBallots: [
                .init(ballot: 3, reason: "the chosen projects cost 100000 € in total, more than the budget of 70000 €"),
                .init(ballot: 5, reason: "the ballot is empty"),
            ]))
    }

    @Test func approvalRuleIsWrittenWithItsMaxChoices() throws {
        let json = try JSONCoding.encoder.encode(ParticipationContracts.VotingRule.approval(maxChoices: 2))
        #expect(String(decoding: json, as: UTF8.self) == #"{"approval":{"maxChoices":2}}"#)
    }
}
