import Model

/// The tally of a participatory-budgeting round, as `pb.tally` documents it.
///
/// Ballots that break the voting rule are refused with the reason and not counted. Projects are
/// ranked by votes (descending), ties by lower cost, then by id; winners are taken greedily in
/// rank order while the budget allows, skipping a project that no longer fits. Amounts are
/// counted in whole cents, so a budget is never overspent by rounding.
public struct BudgetTally: Sendable {
    /// The contract whose rule this type implements.
    public typealias Tally = ParticipationContracts.Tally

    /// The money to share, in euro.
    public let budget: Double
    /// How ballots are cast: approval with a maximum of choices, or knapsack.
    public let rule: ParticipationContracts.VotingRule
    /// The projects on the ballot, in the order of the request.
    public let projects: [ParticipationContracts.Project]
    private let budgetCents: Cents
    private let costs: [String: Cents]

    /// Checks the round; throws when the budget or a cost is negative, not in whole cents or too
    /// large, a project id is empty or repeated, or `maxChoices` is below 1.
    public init(budget: Double, rule: ParticipationContracts.VotingRule,
                projects: [ParticipationContracts.Project]) throws(BudgetTallyError) {
        guard let budgetCents = Cents(euro: budget) else {
            throw BudgetTallyError(field: "budget", message: Self.amountProblem(budget))
        }
        if case .approval(let maxChoices) = rule, maxChoices < 1 {
            throw BudgetTallyError(field: "rule.approval.maxChoices", message: "must be at least 1, got \(maxChoices)")
        }
        var costs: [String: Cents] = [:]
        for (index, project) in projects.enumerated() {
            guard !project.id.isEmpty else {
                throw BudgetTallyError(field: "projects[\(index)].id", message: "a project needs a non-empty id")
            }
            guard costs[project.id] == nil else {
                throw BudgetTallyError(field: "projects[\(index)].id", message: "project id '\(project.id)' appears more than once")
            }
            guard let cost = Cents(euro: project.cost) else {
                throw BudgetTallyError(field: "projects[\(index)].cost",
                                       message: "project '\(project.id)': \(Self.amountProblem(project.cost))")
            }
            costs[project.id] = cost
        }
        self.budget = budget
        self.rule = rule
        self.projects = projects
        self.budgetCents = budgetCents
        self.costs = costs
    }

    /// Checks the round of a `pb.tally` request.
    public init(_ request: Tally.Request) throws(BudgetTallyError) {
        try self.init(budget: request.budget, rule: request.rule, projects: request.projects)
    }

    /// Why `ballot` may not be counted, or nil if it may.
    public func refusal(of ballot: [String]) -> BallotRefusal? {
        if ballot.isEmpty { return .empty }
        if let unknown = ballot.first(where: { costs[$0] == nil }) { return .unknownProject(unknown) }
        var seen: Set<String> = []
        for id in ballot where !seen.insert(id).inserted { return .chosenTwice(id) }
        switch rule {
        case .approval(let maxChoices):
            if ballot.count > maxChoices { return .tooManyChoices(chosen: ballot.count, allowed: maxChoices) }
        case .knapsack:
            // Every cost is at most `Cents.maximumEuro`, so the sum cannot overflow before it passes the budget.
            var total = Cents.zero
            for id in ballot {
                total = total + costs[id, default: .zero]
                if total > budgetCents { break }
            }
            if total > budgetCents {
                let fullTotal = ballot.reduce(0.0) { $0 + (costs[$1]?.euro ?? 0) }
                return .overBudget(cost: fullTotal, budget: budget)
            }
        }
        return nil
    }

    /// Counts `ballots` and selects the winners.
    public func tally(_ ballots: [[String]]) -> Tally.Response {
        var votes: [String: Int] = [:]
        var counted = 0
        var refused: [Tally.RefusedBallot] = []
        for (index, ballot) in ballots.enumerated() {
            if let refusal = refusal(of: ballot) {
                refused.append(Tally.RefusedBallot(ballot: index + 1, reason: refusal.description))
                continue
            }
            counted += 1
            for id in ballot { votes[id, default: 0] += 1 }
        }
        let ranked = projects.sorted { lhs, rhs in
            let left = (votes[lhs.id] ?? 0, costs[lhs.id] ?? .zero), right = (votes[rhs.id] ?? 0, costs[rhs.id] ?? .zero)
            if left.0 != right.0 { return left.0 > right.0 }
            if left.1 != right.1 { return left.1 < right.1 }
            return lhs.id < rhs.id
        }
        var remaining = budgetCents
        var spent = Cents.zero
        var ranking: [Tally.RankedProject] = []
        var winners: [String] = []
        for project in ranked {
            let cost = costs[project.id] ?? .zero
            let funded = cost <= remaining
            if funded {
                remaining = Cents(value: remaining.value - cost.value)
                spent = spent + cost
                winners.append(project.id)
            }
            ranking.append(Tally.RankedProject(id: project.id, votes: votes[project.id] ?? 0, cost: project.cost, funded: funded))
        }
        return Tally.Response(ranking: ranking, winners: winners, spent: spent.euro, countedBallots: counted, refusedBallots: refused)
    }

    private static func amountProblem(_ amount: Double) -> String {
        if !amount.isFinite { return "must be a finite amount of euro, got \(amount)" }
        if amount < 0 { return "must not be negative, got \(amount)" }
        if amount > Cents.maximumEuro { return "must be at most 1000000000000 euro, got \(amount)" }
        return "must be in whole cents, got \(amount)"
    }
}
