import Foundation

/// A resident's proposal in a participatory-budgeting round, with its cost estimate, screening and,
/// once it has won, its implementation status.
public struct BudgetingProposal: Codable, Sendable, Hashable, Identifiable {
    /// Unique within the round, e.g. `leikkipuisto`.
    public var id: String
    public var roundId: String
    /// The area id of the round, if the round has areas.
    public var area: String?
    public var title: LocalizedText
    public var description: LocalizedText?
    /// Cost estimate in euro.
    public var cost: Double
    /// Nil until screened.
    public var screening: BudgetingScreening?
    /// Set for winning projects once the round has results.
    public var implementation: BudgetingImplementation?

    public init(id: String, roundId: String, area: String? = nil, title: LocalizedText, description: LocalizedText? = nil,
                cost: Double, screening: BudgetingScreening? = nil, implementation: BudgetingImplementation? = nil) {
        self.id = id
        self.roundId = roundId
        self.area = area
        self.title = title
        self.description = description
        self.cost = cost
        self.screening = screening
        self.implementation = implementation
    }

    /// True when screening found the proposal feasible: only then is it on the ballot.
    public var isOnBallot: Bool { screening?.feasible == true }
}
