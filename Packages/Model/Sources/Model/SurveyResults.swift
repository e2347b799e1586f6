import Foundation

/// The results of a survey: per question distributions and figures, and the response rate.
public struct SurveyResults: Codable, Sendable, Hashable {
    public var surveyId: String
    /// Number of stored responses.
    public var responses: Int
    public var targetSize: Int?
    /// `responses / targetSize` in percent, when the target size is known and above zero.
    public var responseRate: Double?
    public var questions: [SurveyQuestionResult]

    public init(surveyId: String, responses: Int, targetSize: Int?, responseRate: Double?, questions: [SurveyQuestionResult]) {
        self.surveyId = surveyId
        self.responses = responses
        self.targetSize = targetSize
        self.responseRate = responseRate
        self.questions = questions
    }
}
