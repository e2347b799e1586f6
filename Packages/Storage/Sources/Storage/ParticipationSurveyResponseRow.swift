import BusCore
import Foundation
import Model

/// A response as the `survey_response` table holds it: the random id, the respondent (only for
/// surveys that are not anonymous) and the answers as canonical JSON.
struct SurveyResponseRow: Sendable, Hashable {
    var id: String
    var respondent: String?
    var answers: String

    init(id: String, respondent: String?, answers: String) {
        self.id = id
        self.respondent = respondent
        self.answers = answers
    }

    init(_ response: SurveyResponse) throws {
        self.init(id: response.id, respondent: response.respondent, answers: try CanonicalJSON.string(response.answers))
    }

    func response(surveyId: String) throws -> SurveyResponse {
        do {
            return SurveyResponse(id: id, surveyId: surveyId, respondent: respondent,
                                  answers: try CanonicalJSON.decode([String: SurveyAnswer].self, from: answers))
        } catch {
            throw StorageDataError("response '\(id)' of survey '\(surveyId)' cannot be read: \(JSONCoding.describe(error))")
        }
    }
}
