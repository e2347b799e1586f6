import BusCore
import BusTesting
import Foundation
import Model
import Participation
import Testing

private typealias PB = ParticipationContracts
private typealias Ranked = ParticipationContracts.Tally.RankedProject

/// A round whose phases begin on days 0, 10, 20, 30 (voting closes) and 40.
private func round(_ id: String, budget: Double = 60_000, rule: PB.VotingRule = .approval(maxChoices: 2)) -> BudgetingRound {
    BudgetingRound(id: id, title: text("Osallistava budjetointi", "Deltagande budgetering", "Participatory budgeting"),
                   areas: [BudgetingArea(id: "keskusta", name: text("Keskusta", "Centrum", "Centre"))], budget: budget,
                   schedule: BudgetingSchedule(proposalsOpen: day(0), screeningStarts: day(10), votingOpens: day(20),
                                               votingCloses: day(30), implementationStarts: day(40)),
                   rule: rule)
}

/// Five proposals: a, b, c, d are feasible; e is not and stays off the ballot.
private let proposalCosts: [(String, Double)] = [("a", 20_000), ("b", 10_000), ("c", 30_000), ("d", 10_000), ("e", 5_000)]

/// Creates `round`, proposes and screens the five proposals and moves the clock into voting.
private func votingRound(_ bus: InMemoryBus, _ clock: TestClock, _ round: BudgetingRound) async throws {
    clock.set(day(1))
    _ = try await bus.call(PB.RoundCreate.self, round)
    for (id, cost) in proposalCosts {
        _ = try await bus.call(PB.Propose.self, .init(roundId: round.id, id: id, area: "keskusta", title: text("Hanke \(id)"), cost: cost))
    }
    clock.set(day(11))
    for (id, _) in proposalCosts {
        _ = try await bus.call(PB.Screen.self, .init(roundId: round.id, proposalId: id, feasible: id != "e",
                                                     reason: id == "e" ? text("Ei kaupungin maata", "Inte stadens mark", "Not city land") : nil))
    }
    clock.set(day(21))
}

@Suite struct BudgetingOperationTests {
    @Test func handComputedRoundWithTiesGivesTheExpectedWinnersAndRecountAgrees() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await votingRound(bus, clock, round("ob-2027"))
        // v5 first votes b+d, then replaces the ballot with a+d.
        let ballots: [(String, [String])] = [
            ("v1", ["a", "c"]), ("v2", ["b", "c"]), ("v3", ["a", "b"]), ("v4", ["c", "d"]), ("v5", ["b", "d"]), ("v5", ["a", "d"]),
        ]
        for (voter, choices) in ballots {
            _ = try await bus.call(PB.Vote.self, .init(roundId: "ob-2027", voterId: voter, choices: choices))
        }
        clock.set(day(31))
        let results = try await bus.call(PB.Results.self, .init(roundId: "ob-2027"))
        // a 3 votes and c 3 votes: a is cheaper, so first. b and d have 2 votes and cost the same: b by id.
        // 60 000 €: a (20 000), c (30 000), b (10 000) are funded; d no longer fits.
        #expect(results.result.ranking == [
            Ranked(id: "a", votes: 3, cost: 20_000, funded: true),
            Ranked(id: "c", votes: 3, cost: 30_000, funded: true),
            Ranked(id: "b", votes: 2, cost: 10_000, funded: true),
            Ranked(id: "d", votes: 2, cost: 10_000, funded: false),
        ])
        #expect(results.result.winners == ["a", "c", "b"])
        #expect(results.result.spent == 60_000)
        #expect(results.result.countedBallots == 5)
        #expect(results.winners.map(\.id) == ["a", "c", "b"])
        #expect(results.winners.allSatisfy { $0.implementation?.status == .planned })
        let recount = try await bus.call(PB.Recount.self, .init(roundId: "ob-2027"))
        #expect(recount.matches)
        #expect(recount.recounted == results.result)
        #expect(recount.stored == results.result)
    }

    @Test func aSecondBallotReplacesTheFirstAndTheCountStaysOne() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await votingRound(bus, clock, round("ob"))
        let first = try await bus.call(PB.Vote.self, .init(roundId: "ob", voterId: "040-123", choices: ["a"]))
        clock.set(day(25))
        let second = try await bus.call(PB.Vote.self, .init(roundId: "ob", voterId: "040-123", choices: ["b", "c"]))
        #expect(!first.replaced)
        #expect(second.replaced)
        #expect(second.message.sv == "Din röst har sparats. Du kan ändra den medan omröstningen pågår.")
        let stored = await repository.ballots(roundId: "ob")
        #expect(stored.count == 1)
        #expect(stored.first?.choices == ["b", "c"])
    }

    @Test func nothingChangesAfterVotingCloses() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await votingRound(bus, clock, round("ob"))
        _ = try await bus.call(PB.Vote.self, .init(roundId: "ob", voterId: "v1", choices: ["a"]))
        clock.set(day(30))
        let error = await callError(bus, PB.Vote.self, .init(roundId: "ob", voterId: "v1", choices: ["b"]))
        #expect(error?.status == 409)
        #expect(error?.error.message == "voting closed at 2027-02-14T08:00:00Z; casting or changing a ballot is no longer possible")
        #expect(error?.error.details?["sv"] == "Omröstningen har avslutats. Rösten kan inte längre ges eller ändras.")
        #expect(await repository.ballots(roundId: "ob").map(\.choices) == [["a"]])
        let propose = await callError(bus, PB.Propose.self, .init(roundId: "ob", id: "x", area: "keskusta", title: text("X"), cost: 1))
        #expect(propose?.status == 409)
        #expect(propose?.error.message == "making a proposal is possible only in the proposals phase; the round is in its results phase")
    }

    @Test func resultsAreRefusedWhileVotingIsOpen() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await votingRound(bus, clock, round("ob"))
        let error = await callError(bus, PB.Results.self, .init(roundId: "ob"))
        #expect(error?.status == 409)
        #expect(error?.error.message
            == "reading the results is possible only in the results or implementation phase; the round is in its voting phase")
    }

    @Test func aKnapsackBallotOverTheBudgetIsRefusedWithTheReason() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await votingRound(bus, clock, round("ob", budget: 45_000, rule: .knapsack))
        let error = await callError(bus, PB.Vote.self, .init(roundId: "ob", voterId: "v1", choices: ["a", "c"]))
        #expect(error?.status == 400)
        #expect(error?.error.message == "the ballot was refused: the chosen projects cost 50000 € in total, more than the budget of 45000 €")
        #expect(error?.error.details?["fi"] == "Valitut hankkeet maksavat yhteensä 50\u{00A0}000 €, enemmän kuin budjetti 45\u{00A0}000 €.")
        #expect(error?.error.details?["sv"] == "De valda projekten kostar sammanlagt 50\u{00A0}000 €, mer än budgeten 45\u{00A0}000 €.")
        #expect(await repository.ballots(roundId: "ob").isEmpty)
        _ = try await bus.call(PB.Vote.self, .init(roundId: "ob", voterId: "v1", choices: ["a", "b", "d"]))
        #expect(await repository.ballots(roundId: "ob").count == 1)
    }

    @Test func anApprovalBallotOverItsMaximumOrForAProposalOffTheBallotIsRefused() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await votingRound(bus, clock, round("ob"))
        let tooMany = await callError(bus, PB.Vote.self, .init(roundId: "ob", voterId: "v1", choices: ["a", "b", "c"]))
        #expect(tooMany?.status == 400)
        #expect(tooMany?.error.message == "the ballot was refused: 3 projects chosen, at most 2 allowed")
        #expect(tooMany?.error.details == ["field": "choices", "fi": "Valitse enintään 2 hanketta.", "sv": "Välj högst 2 projekt.",
                                           "en": "Choose at most 2 projects."])
        let screenedOut = await callError(bus, PB.Vote.self, .init(roundId: "ob", voterId: "v1", choices: ["e"]))
        #expect(screenedOut?.error.message == "the ballot was refused: unknown project 'e'")
        #expect(await repository.ballots(roundId: "ob").isEmpty)
    }

    @Test func theStoredVoterKeyIsNotTheVoterIdAndDiffersBetweenRounds() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await votingRound(bus, clock, round("ob-1"))
        try await votingRound(bus, clock, round("ob-2"))
        for id in ["ob-1", "ob-2"] {
            _ = try await bus.call(PB.Vote.self, .init(roundId: id, voterId: "matti.meikalainen", choices: ["a"]))
        }
        let first = try #require(await repository.ballots(roundId: "ob-1").first)
        let second = try #require(await repository.ballots(roundId: "ob-2").first)
        #expect(first.voterKey != "matti.meikalainen")
        #expect(!first.voterKey.contains("matti"))
        #expect(first.voterKey.count == 64)
        #expect(first.voterKey != second.voterKey)
        let secret = try #require(await repository.round(id: "ob-1")?.secret)
        #expect(first.voterKey == VoterKey.derive(secret: secret, voterId: "matti.meikalainen"))
    }

    @Test func screeningKeepsAnInfeasibleProposalOffTheBallotAndNeedsAReason() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        clock.set(day(1))
        _ = try await bus.call(PB.RoundCreate.self, round("ob"))
        _ = try await bus.call(PB.Propose.self, .init(roundId: "ob", id: "a", area: "keskusta", title: text("A"), cost: 100))
        let noReason = await callError(bus, PB.Screen.self, .init(roundId: "ob", proposalId: "a", feasible: false))
        #expect(noReason?.status == 400)
        #expect(noReason?.error.details == ["field": "reason"])
        let wrongArea = await callError(bus, PB.Propose.self, .init(roundId: "ob", id: "b", area: "kylä", title: text("B"), cost: 100))
        #expect(wrongArea?.error.message == "area: choose one of the round's areas: keskusta")
        let duplicate = await callError(bus, PB.Propose.self, .init(roundId: "ob", id: "a", area: "keskusta", title: text("A"), cost: 1))
        #expect(duplicate?.status == 409)
    }

    @Test func implementationStatusIsKeptForWinnersOnly() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await votingRound(bus, clock, round("ob", budget: 30_000, rule: .approval(maxChoices: 1)))
        _ = try await bus.call(PB.Vote.self, .init(roundId: "ob", voterId: "v1", choices: ["a"]))
        clock.set(day(45))
        let done = try await bus.call(PB.Implementation.self, .init(roundId: "ob", proposalId: "a", status: .done))
        #expect(done.implementation == BudgetingImplementation(status: .done, updatedAt: day(45)))
        let loser = await callError(bus, PB.Implementation.self, .init(roundId: "ob", proposalId: "c", status: .done))
        #expect(loser?.status == 409)
        #expect(BudgetingImplementationStatus.inProgress.label == LocalizedText(fi: "käynnissä", sv: "pågår", en: "in progress"))
    }
}
