import Foundation

/// A participatory-budgeting round (osallistava budjetointi / deltagande budgetering).
///
/// Its per-round secret, which keys the voters' HMAC, is kept by the participation service and never
/// leaves it; this value is what the round publishes.
public struct BudgetingRound: Codable, Sendable, Hashable, Identifiable {
    /// Stable id, e.g. `ob-2026`.
    public var id: String
    public var title: LocalizedText
    /// The areas proposals may be made for, e.g. districts or villages.
    public var areas: [BudgetingArea]
    /// The money to share, in euro.
    public var budget: Double
    public var schedule: BudgetingSchedule
    public var rule: ParticipationContracts.VotingRule

    public init(id: String, title: LocalizedText, areas: [BudgetingArea] = [], budget: Double, schedule: BudgetingSchedule,
                rule: ParticipationContracts.VotingRule) {
        self.id = id
        self.title = title
        self.areas = areas
        self.budget = budget
        self.schedule = schedule
        self.rule = rule
    }
}
