/// Why a participatory-budgeting operation is refused.
public struct BudgetingRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// How the refusal is answered.
    public enum Kind: Sendable, Hashable {
        /// The request itself is wrong (400).
        case invalid
        /// The request does not fit the round's phase or state (409).
        case conflict
    }

    public var kind: Kind
    /// The request field that is wrong, if one is.
    public var field: String?
    /// What is wrong, for a person.
    public var message: String

    /// A refusal of `kind` about `field`.
    public init(_ kind: Kind, field: String? = nil, _ message: String) {
        self.kind = kind
        self.field = field
        self.message = message
    }

    /// `field: message`, or the message alone.
    public var description: String { field.map { "\($0): \(message)" } ?? message }
}
