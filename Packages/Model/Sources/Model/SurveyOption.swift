import Foundation

/// A choice of a single- or multiple-choice question.
public struct SurveyOption: Codable, Sendable, Hashable, Identifiable {
    /// Unique within the question, e.g. `kyllä`; the value an answer gives.
    public var id: String
    public var label: LocalizedText

    public init(id: String, label: LocalizedText) {
        self.id = id
        self.label = label
    }
}
