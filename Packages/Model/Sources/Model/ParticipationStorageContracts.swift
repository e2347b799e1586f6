import Foundation

/// The operations of the `storage` service that keep participation records (`participation.*`).
/// The participation service calls them through `BusParticipationRepository`; the gateway talks to
/// the participation service, never to these.
///
/// Records are canonical JSON documents of a ``ParticipationStorageRecordKind``, keyed by kind,
/// parent (the round of a proposal or ballot; empty otherwise) and id. Writes of audited kinds are
/// applied once per request id (`processed_request`) with an audit row per record.
public enum ParticipationStorageContracts {
    /// One record to store: its id and the document as JSON.
    public struct Record: Codable, Sendable, Hashable {
        public var id: String
        public var document: String
        public init(id: String, document: String) {
            self.id = id
            self.document = document
        }
    }

    /// `participation.record.save`: creates or replaces records of one kind and parent, and
    /// removes the records named in `deletions`, in one transaction. A replaced record keeps its
    /// place in the list order; a removed record of an audited kind has an audit row with its last
    /// document as `before`.
    public struct SaveRecords: Contract {
        public static let service = ServiceName.storage
        public static let operation = "participation.record.save"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var kind: ParticipationStorageRecordKind
            public var parent: String
            public var records: [Record]
            /// Ids of records of this kind and parent to remove (ids not stored are skipped).
            public var deletions: [String]?
            public init(kind: ParticipationStorageRecordKind, parent: String = "", records: [Record], deletions: [String]? = nil) {
                self.kind = kind
                self.parent = parent
                self.records = records
                self.deletions = deletions
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var created: Int
            public var updated: Int
            /// Records removed; nil when the request named none.
            public var deleted: Int?
            public init(created: Int, updated: Int, deleted: Int? = nil) {
                self.created = created
                self.updated = updated
                self.deleted = deleted
            }
        }
    }

    /// `participation.record.get`: one record's document, or nil.
    public struct GetRecord: Contract {
        public static let service = ServiceName.storage
        public static let operation = "participation.record.get"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var kind: ParticipationStorageRecordKind
            public var parent: String
            public var id: String
            public init(kind: ParticipationStorageRecordKind, parent: String = "", id: String) {
                self.kind = kind
                self.parent = parent
                self.id = id
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var document: String?
            public init(document: String?) { self.document = document }
        }
    }

    /// `participation.record.list`: the documents of one kind and parent, in the order they were
    /// first stored.
    public struct ListRecords: Contract {
        public static let service = ServiceName.storage
        public static let operation = "participation.record.list"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var kind: ParticipationStorageRecordKind
            public var parent: String
            public init(kind: ParticipationStorageRecordKind, parent: String = "") {
                self.kind = kind
                self.parent = parent
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var documents: [String]
            public init(documents: [String]) { self.documents = documents }
        }
    }

    /// `participation.tokens.add`: adds unused invitation-token hashes (SHA-256, lowercase hex) to a survey.
    public struct AddTokenHashes: Contract {
        public static let service = ServiceName.storage
        public static let operation = "participation.tokens.add"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var surveyId: String
            public var hashes: [String]
            public init(surveyId: String, hashes: [String]) {
                self.surveyId = surveyId
                self.hashes = hashes
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var added: Int
            public init(added: Int) { self.added = added }
        }
    }

    /// `participation.responses.save`: stores responses and, with `tokenHash`, moves that hash from
    /// the unused to the used set — in one transaction. With an `appliedRequestId` the survey
    /// already applied, stores nothing and answers `stored: false`.
    ///
    /// Refuses with 409 (`details.token = used`) for a used token and 400 (`details.token =
    /// unknown`) for a token never issued for the survey. No audit row, no time, no
    /// `processed_request` row: nothing dates a response or links it to a token.
    public struct SaveResponses: Contract {
        public static let service = ServiceName.storage
        public static let operation = "participation.responses.save"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var surveyId: String
            public var responses: [SurveyResponse]
            public var tokenHash: String?
            public var appliedRequestId: String?
            public init(surveyId: String, responses: [SurveyResponse], tokenHash: String? = nil,
                        appliedRequestId: String? = nil) {
                self.surveyId = surveyId
                self.responses = responses
                self.tokenHash = tokenHash
                self.appliedRequestId = appliedRequestId
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var stored: Bool
            public init(stored: Bool) { self.stored = stored }
        }
    }

    /// `participation.responses.list`: the stored responses of a survey, ordered by their random id.
    public struct ListResponses: Contract {
        public static let service = ServiceName.storage
        public static let operation = "participation.responses.list"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var surveyId: String
            public init(surveyId: String) { self.surveyId = surveyId }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var responses: [SurveyResponse]
            public init(responses: [SurveyResponse]) { self.responses = responses }
        }
    }
}
