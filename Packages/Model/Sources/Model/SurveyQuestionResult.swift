import Foundation

/// The result of one question.
public struct SurveyQuestionResult: Codable, Sendable, Hashable {
    public var questionId: String
    public var label: LocalizedText
    /// How many responses answered this question.
    public var answered: Int
    /// Counts per option or per scale point, in the order of the question; empty for numbers and free text.
    public var distribution: [SurveyValueCount]
    /// Mean of scales and numbers.
    public var mean: Double?
    /// Median of scales and numbers (the mean of the two middle values for an even count).
    public var median: Double?
    /// NPS questions: promoters (9–10) minus detractors (0–6), in percent of the answers.
    public var npsScore: Double?
    /// Free-text answers, sorted.
    public var texts: [String]

    public init(questionId: String, label: LocalizedText, answered: Int, distribution: [SurveyValueCount], mean: Double? = nil,
                median: Double? = nil, npsScore: Double? = nil, texts: [String] = []) {
        self.questionId = questionId
        self.label = label
        self.answered = answered
        self.distribution = distribution
        self.mean = mean
        self.median = median
        self.npsScore = npsScore
        self.texts = texts
    }
}
