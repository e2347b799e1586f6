import Foundation

/// What a question asks for and which answers it accepts.
public enum SurveyQuestionKind: Codable, Sendable, Hashable {
    /// Exactly one of the options.
    case singleChoice(options: [SurveyOption])
    /// Between `min` and `max` of the options.
    case multipleChoice(options: [SurveyOption], min: Int, max: Int)
    /// A Likert scale from 1 to `points` (5 or 6).
    case likert(points: Int)
    /// Net Promoter Score: 0–10, "how likely would you recommend".
    case nps
    /// A number, optionally within `min`…`max`.
    case number(min: Double?, max: Double?)
    /// Free text.
    case freeText

    /// True for the kinds whose answers have a mean and a median.
    public var isNumeric: Bool {
        switch self {
        case .likert, .nps, .number: true
        case .singleChoice, .multipleChoice, .freeText: false
        }
    }
}
