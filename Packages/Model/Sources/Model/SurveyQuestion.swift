import Foundation

/// One question of a survey.
public struct SurveyQuestion: Codable, Sendable, Hashable, Identifiable {
    /// Unique within the survey, e.g. `q1`; also the column name in a CSV import.
    public var id: String
    /// The question as the respondent reads it.
    public var label: LocalizedText
    public var kind: SurveyQuestionKind
    /// True when a response must answer this question.
    public var required: Bool

    public init(id: String, label: LocalizedText, kind: SurveyQuestionKind, required: Bool = false) {
        self.id = id
        self.label = label
        self.kind = kind
        self.required = required
    }

    enum CodingKeys: String, CodingKey { case id, label, kind, required }

    /// `required` defaults to false.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), label: try c.decode(LocalizedText.self, forKey: .label),
                  kind: try c.decode(SurveyQuestionKind.self, forKey: .kind), required: try c.decode(.required, default: false))
    }
}
