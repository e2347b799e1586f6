/// A survey that cannot be created as given.
public struct SurveyDefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The field that is wrong, e.g. `questions[2].kind.likert.points`.
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
