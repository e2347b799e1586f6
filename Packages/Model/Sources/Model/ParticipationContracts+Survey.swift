import Foundation

extension ParticipationContracts {
    /// Names one survey.
    public struct SurveyRef: Codable, Sendable, Hashable {
        public var surveyId: String
        public init(surveyId: String) { self.surveyId = surveyId }
    }

    /// `survey.create`: create a survey in the draft state, or replace a draft with the same id.
    /// 400 names the field that is wrong; 409 when a survey with the id is open or closed.
    public struct SurveyCreate: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.create"
        public static let version = 1
        public typealias Request = Survey
        public typealias Response = Survey
    }

    /// `survey.get`: one survey; 404 when there is none.
    public struct SurveyGet: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.get"
        public static let version = 1
        public typealias Request = SurveyRef
        public typealias Response = Survey
    }

    /// `survey.list`: every survey, by id.
    public struct SurveyList: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.list"
        public static let version = 1
        public typealias Request = Empty
        public typealias Response = [Survey]
    }

    /// `survey.open`: a draft survey starts taking answers; 409 unless it is a draft.
    public struct SurveyOpen: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.open"
        public static let version = 1
        public typealias Request = SurveyRef
        public typealias Response = Survey
    }

    /// `survey.close`: an open survey stops taking answers; 409 unless it is open.
    public struct SurveyClose: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.close"
        public static let version = 1
        public typealias Request = SurveyRef
        public typealias Response = Survey
    }

    /// `survey.tokens`: issue one-time invitation tokens. The tokens are in this reply only; the
    /// service keeps their SHA-256 hashes.
    public struct SurveyTokens: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.tokens"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var surveyId: String
            /// 1–10000.
            public var count: Int
            public init(surveyId: String, count: Int) {
                self.surveyId = surveyId
                self.count = count
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var tokens: [String]
            public init(tokens: [String]) { self.tokens = tokens }
        }
    }

    /// `survey.answer`: one response. Every problem is answered 400 with `details` mapping question
    /// ids to what is wrong, and nothing is stored; a used token is 409, an unknown one 403-like 400.
    public struct SurveyRespond: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.answer"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var surveyId: String
            /// The invitation token, required for `invitationOnly` surveys.
            public var token: String?
            /// Values by question id: option ids, numbers as text, or the free text.
            public var answers: [String: [String]]
            public init(surveyId: String, token: String? = nil, answers: [String: [String]]) {
                self.surveyId = surveyId
                self.token = token
                self.answers = answers
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            /// A thank-you for the respondent.
            public var message: LocalizedText
            public init(message: LocalizedText) { self.message = message }
        }
    }

    /// `survey.results`: the results; 409 while the survey is open unless `resultsVisibleBeforeClose`.
    public struct SurveyResultsGet: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.results"
        public static let version = 1
        public typealias Request = SurveyRef
        public typealias Response = SurveyResults
    }

    /// `survey.import`: import responses from a CSV export of another tool (see docs/participation.md).
    /// Any problem is 400 naming line and column, and nothing is stored.
    public struct SurveyImport: Contract {
        public static let service = ServiceName.participation
        public static let operation = "survey.import"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var surveyId: String
            public var csv: String
            /// One character; `,` when absent.
            public var delimiter: String?
            /// Header names of columns to skip, e.g. a timestamp column.
            public var ignoredColumns: [String]?
            public init(surveyId: String, csv: String, delimiter: String? = nil, ignoredColumns: [String]? = nil) {
                self.surveyId = surveyId
                self.csv = csv
                self.delimiter = delimiter
                self.ignoredColumns = ignoredColumns
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var imported: Int
            public init(imported: Int) { self.imported = imported }
        }
    }
}
