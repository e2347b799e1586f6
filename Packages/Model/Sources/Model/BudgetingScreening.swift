import Foundation

/// The outcome of screening a proposal.
public struct BudgetingScreening: Codable, Sendable, Hashable {
    public var feasible: Bool
    /// Why the proposal is not feasible (required then), or a note.
    public var reason: LocalizedText?

    public init(feasible: Bool, reason: LocalizedText? = nil) {
        self.feasible = feasible
        self.reason = reason
    }
}
