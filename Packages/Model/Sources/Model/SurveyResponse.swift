import Foundation

/// One stored response to a survey.
///
/// An anonymous survey's response has `respondent == nil` and holds nothing else about who answered:
/// no token, no time, no network address.
public struct SurveyResponse: Codable, Sendable, Hashable, Identifiable {
    /// A random id, unrelated to the respondent.
    public var id: String
    public var surveyId: String
    /// Who answered; only for surveys that are not anonymous.
    public var respondent: String?
    /// Answers by question id; unanswered optional questions are absent.
    public var answers: [String: SurveyAnswer]

    public init(id: String, surveyId: String, respondent: String? = nil, answers: [String: SurveyAnswer]) {
        self.id = id
        self.surveyId = surveyId
        self.respondent = respondent
        self.answers = answers
    }
}
