/// A panel, hearing, event or assessment record that cannot be saved as given.
public struct ParticipationRecordError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field that is wrong, e.g. `sessions[1].attendance`.
    public var field: String
    /// What is wrong, for a person.
    public var message: String

    /// An error about `field`.
    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    /// `field: message`.
    public var description: String { "\(field): \(message)" }
}
