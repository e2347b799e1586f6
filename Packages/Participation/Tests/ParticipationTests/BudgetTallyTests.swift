import Model
import Participation
import Testing

typealias Project = ParticipationContracts.Project
private typealias Ranked = ParticipationContracts.Tally.RankedProject
private typealias Refused = ParticipationContracts.Tally.RefusedBallot

private func project(_ id: String, _ cost: Double) -> Project {
    Project(id: id, title: LocalizedText(fi: "Hanke \(id)", sv: "Projekt \(id)"), cost: cost)
}

/// Five projects of a village round: a playground, benches, a sauna, lights and a reading corner.
let villageProjects: [Project] = [
    project("leikkipuisto", 40_000), project("penkit", 5_000), project("sauna", 60_000),
    project("valot", 15_000), project("lukunurkka", 8_000),
]

@Suite struct BudgetTallyTests {
    @Test func approvalRoundRanksByVotesThenLowerCost() throws {
        let round = try BudgetTally(budget: 60_000, rule: .approval(maxChoices: 2), projects: villageProjects)
        let result = round.tally([
            ["leikkipuisto", "penkit"], ["leikkipuisto", "valot"], ["leikkipuisto"],
            ["valot", "penkit"], ["valot"], ["sauna"],
        ])
        #expect(result.countedBallots == 6)
        #expect(result.refusedBallots == [])
        // leikkipuisto and valot tie on 3 votes: the cheaper valot ranks first.
        #expect(result.ranking == [
            Ranked(id: "valot", votes: 3, cost: 15_000, funded: true),
            Ranked(id: "leikkipuisto", votes: 3, cost: 40_000, funded: true),
            Ranked(id: "penkit", votes: 2, cost: 5_000, funded: true),
            Ranked(id: "sauna", votes: 1, cost: 60_000, funded: false),
            Ranked(id: "lukunurkka", votes: 0, cost: 8_000, funded: false),
        ])
        #expect(result.winners == ["valot", "leikkipuisto", "penkit"])
        #expect(result.spent == 60_000)
    }

    @Test func knapsackRoundSkipsAnExpensiveProjectAndFundsACheaperOneFurtherDown() throws {
        let round = try BudgetTally(budget: 70_000, rule: .knapsack, projects: villageProjects)
        let result = round.tally([
            ["leikkipuisto", "valot"], ["leikkipuisto", "penkit"], ["leikkipuisto"],
            ["sauna"], ["sauna", "penkit"], ["valot", "penkit", "lukunurkka"],
            ["sauna", "leikkipuisto"],
        ])
        #expect(result.countedBallots == 6)
        #expect(result.refusedBallots == [
            Refused(ballot: 7, reason: "the chosen projects cost 100000 € in total, more than the budget of 70000 €"),
        ])
        // After penkit, leikkipuisto and valot 10 000 € are left: the sauna (60 000 €) no longer
        // fits and is skipped, the reading corner (8 000 €) below it is funded.
        #expect(result.ranking == [
            Ranked(id: "penkit", votes: 3, cost: 5_000, funded: true),
            Ranked(id: "leikkipuisto", votes: 3, cost: 40_000, funded: true),
            Ranked(id: "valot", votes: 2, cost: 15_000, funded: true),
            Ranked(id: "sauna", votes: 2, cost: 60_000, funded: false),
            Ranked(id: "lukunurkka", votes: 1, cost: 8_000, funded: true),
        ])
        #expect(result.winners == ["penkit", "leikkipuisto", "valot", "lukunurkka"])
        #expect(result.spent == 68_000)
    }

    @Test func equalVotesAndCostRankByIdAndTheFirstTakesTheMoney() throws {
        let round = try BudgetTally(budget: 100, rule: .approval(maxChoices: 1),
                                    projects: [project("b", 100), project("a", 100)])
        let result = round.tally([["b"], ["a"]])
        #expect(result.ranking == [
            Ranked(id: "a", votes: 1, cost: 100, funded: true),
            Ranked(id: "b", votes: 1, cost: 100, funded: false),
        ])
        #expect(result.winners == ["a"])
        #expect(result.spent == 100)
    }

    @Test func refusesEachKindOfBrokenBallotAndCountsTheRest() throws {
        let round = try BudgetTally(budget: 60_000, rule: .approval(maxChoices: 2), projects: villageProjects)
        let result = round.tally([
            [], ["uimahalli"], ["penkit", "penkit"], ["penkit", "valot", "sauna"], ["penkit"],
        ])
        #expect(result.refusedBallots == [
            Refused(ballot: 1, reason: "the ballot is empty"),
            Refused(ballot: 2, reason: "unknown project 'uimahalli'"),
            Refused(ballot: 3, reason: "project 'penkit' is chosen more than once"),
            Refused(ballot: 4, reason: "3 projects chosen, at most 2 allowed"),
        ])
        #expect(result.countedBallots == 1)
        #expect(result.ranking.first == Ranked(id: "penkit", votes: 1, cost: 5_000, funded: true))
        #expect(result.ranking.dropFirst().allSatisfy { $0.votes == 0 })
    }

    @Test func refusalNamesTheReason() throws {
        let round = try BudgetTally(budget: 50_000, rule: .knapsack, projects: villageProjects)
        #expect(round.refusal(of: ["sauna"]) == .overBudget(cost: 60_000, budget: 50_000))
        #expect(round.refusal(of: ["leikkipuisto", "penkit"]) == nil)
        #expect(BallotRefusal.overBudget(cost: 60_000.5, budget: 50_000).description
            == "the chosen projects cost 60000.50 € in total, more than the budget of 50000 €")
    }

    @Test func countsCentsExactly() throws {
        let round = try BudgetTally(budget: 0.3, rule: .knapsack, projects: [project("a", 0.1), project("b", 0.2)])
        let result = round.tally([["a", "b"]])
        #expect(result.refusedBallots == [])
        #expect(result.winners == ["a", "b"])
        #expect(result.spent == 0.3)
    }

    @Test func withoutVotesProjectsRankByCostAndTheRuleStillFundsThem() throws {
        let round = try BudgetTally(budget: 10_000, rule: .knapsack, projects: villageProjects)
        let result = round.tally([])
        #expect(result.countedBallots == 0)
        #expect(result.ranking.map(\.id) == ["penkit", "lukunurkka", "valot", "leikkipuisto", "sauna"])
        #expect(result.winners == ["penkit"])
        #expect(result.spent == 5_000)
    }

    @Test(arguments: [
        (-1.0, [project("a", 1)], ParticipationContracts.VotingRule.knapsack,
         BudgetTallyError(field: "budget", message: "must not be negative, got -1.0")),
        (10.0, [project("a", -5)], .knapsack,
         BudgetTallyError(field: "projects[0].cost", message: "project 'a': must not be negative, got -5.0")),
        (10.0, [project("a", 1), project("b", 2), project("a", 3)], .knapsack,
         BudgetTallyError(field: "projects[2].id", message: "project id 'a' appears more than once")),
        (10.0, [project("a", 1)], .approval(maxChoices: 0),
         BudgetTallyError(field: "rule.approval.maxChoices", message: "must be at least 1, got 0")),
        (10.0, [project("a", 1.005)], .knapsack,
         BudgetTallyError(field: "projects[0].cost", message: "project 'a': must be in whole cents, got 1.005")),
        (10.0, [project("", 1)], .knapsack,
         BudgetTallyError(field: "projects[0].id", message: "a project needs a non-empty id")),
        (2e12, [project("a", 1)], .knapsack,
         BudgetTallyError(field: "budget", message: "must be at most 1000000000000 euro, got 2000000000000.0")),
    ])
    func refusesARoundThatCannotBeTallied(budget: Double, projects: [Project], rule: ParticipationContracts.VotingRule,
                                          expected: BudgetTallyError) {
        #expect(throws: expected) { try BudgetTally(budget: budget, rule: rule, projects: projects) }
    }
}
