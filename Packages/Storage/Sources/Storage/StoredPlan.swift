import BusCore
import Foundation
import Model

/// One row of the `plan` table: the plan's version and its document in canonical JSON.
struct StoredPlan: Sendable, Hashable {
    var id: String
    var version: Int
    /// The ``PlanDocument`` without status reports and without `plan.version`, as canonical JSON.
    var document: String

    /// The stored document; a ``StorageDataError`` when the row cannot be read.
    func decodedDocument() throws -> PlanDocument {
        do {
            return try CanonicalJSON.decode(PlanDocument.self, from: document)
        } catch {
            throw StorageDataError("plan '\(id)' holds a document this version cannot read: \(JSONCoding.describe(error))")
        }
    }
}

/// The JSON that is stored and compared: sorted keys, ISO 8601 dates in seconds.
enum CanonicalJSON {
    static func string<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try JSONCoding.decoder.decode(type, from: Data(text.utf8))
    }

    /// `value` as it reads back from the database: encoded and decoded once.
    static func roundTripped<T: Codable>(_ value: T) throws -> T {
        try decode(T.self, from: try string(value))
    }
}

extension PlanDocument {
    /// The document as the `plan` table stores it: no status reports and no `plan.version`.
    var storedForm: PlanDocument {
        var document = self
        document.plan.version = nil
        document.statusReports = []
        return document
    }
}

/// A stored status report with the plan it belongs to.
struct StoredStatusReport: Sendable, Hashable {
    var planId: String
    var report: StatusReport
    /// The report as canonical JSON, the form in which reports are compared.
    var json: String

    /// The report stored as `json`; a ``StorageDataError`` when it cannot be read.
    static func decode(_ json: String, planId: String) throws -> StatusReport {
        do {
            return try CanonicalJSON.decode(StatusReport.self, from: json)
        } catch {
            throw StorageDataError("a status report of plan '\(planId)' cannot be read: \(JSONCoding.describe(error))")
        }
    }
}

/// The reply stored in `processed_request` for `operation`; a 409 if the id was used for
/// another operation.
enum ProcessedReply {
    static func decode<Reply: Decodable>(_ type: Reply.Type, expected operation: String, stored storedOperation: String,
                                         reply: String, requestId: String) throws -> Reply {
        try checkOperation(expected: operation, stored: storedOperation, requestId: requestId)
        return try CanonicalJSON.decode(Reply.self, from: reply)
    }

    /// A 409 when the request id was used for another operation than `operation`.
    static func checkOperation(expected operation: String, stored storedOperation: String, requestId: String) throws {
        guard storedOperation != operation else { return }
        throw ServiceError.conflict(
            "request id '\(requestId)' was already used for '\(storedOperation)'; give each change its own request id",
            details: ["requestId": requestId])
    }
}

/// The outcome of ``StorageBackend/importPlan(_:origin:at:)``.
struct PlanImportResult: Sendable, Hashable {
    var reply: PlanContracts.Import.Response
    /// True when the request id had been applied before and nothing was written now.
    var replayed: Bool
}

/// The outcome of ``StorageBackend/recordStatus(_:origin:at:)``.
struct StatusRecordResult: Sendable, Hashable {
    var reply: PlanContracts.RecordStatus.Response
    var replayed: Bool
}
