import GRDB

/// One row of the `processed_request` table: a change that was applied, and the reply it got.
///
/// A request whose id is found here is answered with the stored reply and changes nothing.
struct ProcessedRequest: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "processed_request"

    var requestId: String
    /// The operation that was applied, e.g. `organisation.upsert`.
    var operation: String
    /// The reply payload as JSON.
    var reply: String
    /// ISO 8601.
    var createdAt: String

    enum CodingKeys: String, CodingKey {
        case operation, reply
        case requestId = "request_id"
        case createdAt = "created_at"
    }
}
