import Foundation

/// A checked answer to one question, as a response stores it.
public enum SurveyAnswer: Codable, Sendable, Hashable {
    /// The option chosen in a single-choice question.
    case choice(String)
    /// The options chosen in a multiple-choice question, in the order of the question.
    case choices([String])
    /// A point of a Likert scale or of NPS.
    case scale(Int)
    case number(Double)
    case text(String)

    /// The answer as a number, for scales and numbers.
    public var numericValue: Double? {
        switch self {
        case .scale(let value): Double(value)
        case .number(let value): value
        case .choice, .choices, .text: nil
        }
    }
}
