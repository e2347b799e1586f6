/// Why a ballot was not counted.
public enum BallotRefusal: Sendable, Hashable, CustomStringConvertible {
    /// The ballot chooses nothing.
    case empty
    /// The ballot chooses a project that is not on the ballot of this round.
    case unknownProject(String)
    /// The ballot chooses the same project more than once.
    case chosenTwice(String)
    /// An approval ballot chooses more projects than the rule allows.
    case tooManyChoices(chosen: Int, allowed: Int)
    /// A knapsack ballot's projects cost more than the budget together.
    case overBudget(cost: Double, budget: Double)

    /// The reason as the reply states it.
    public var description: String {
        switch self {
        case .empty:
            "the ballot is empty"
        case .unknownProject(let id):
            "unknown project '\(id)'"
        case .chosenTwice(let id):
            "project '\(id)' is chosen more than once"
        case .tooManyChoices(let chosen, let allowed):
            "\(chosen) projects chosen, at most \(allowed) allowed"
        case .overBudget(let cost, let budget):
            "the chosen projects cost \(Cents(euro: cost)?.description ?? "\(cost) €") in total, more than the budget of \(Cents(euro: budget)?.description ?? "\(budget) €")"
        }
    }
}
