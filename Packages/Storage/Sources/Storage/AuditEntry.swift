import GRDB

/// One row of the `audit_log` table: who changed which record, when, and from what to what.
struct AuditEntry: Codable, Sendable, Hashable, FetchableRecord, MutablePersistableRecord {
    static let databaseTableName = "audit_log"

    /// Assigned by the database.
    var id: Int64?
    /// ISO 8601.
    var at: String
    /// The actor id from the request headers.
    var actor: String
    /// The request that made the change.
    var requestId: String?
    /// `create` or `update`.
    var operation: String
    /// The table of the record, e.g. `organisation`.
    var recordType: String
    var recordId: String
    /// The record as JSON before the change; nil for `create`.
    var before: String?
    /// The record as JSON after the change.
    var after: String?

    enum CodingKeys: String, CodingKey {
        case id, at, actor, operation, before, after
        case requestId = "request_id"
        case recordType = "record_type"
        case recordId = "record_id"
    }

    mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
