/// A participatory-budgeting round that cannot be tallied as requested.
public struct BudgetTallyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The request field that is wrong, e.g. `projects[2].cost`.
    public var field: String
    /// What is wrong, for a person.
    public var message: String

    /// An error about `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`, e.g. `budget: must not be negative, got -1.0`.
    public var description: String { "\(field): \(message)" }
}
