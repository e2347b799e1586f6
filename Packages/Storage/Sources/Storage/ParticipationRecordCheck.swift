import BusCore
import Foundation
import Model

/// The checks storage makes before a participation write: ids present, documents JSON objects,
/// token hashes SHA-256 in lowercase hex. The participation service checks the content.
enum ParticipationRecordCheck {
    static func check(_ request: ParticipationStorageContracts.SaveRecords.Request) throws {
        if [.proposal, .ballot].contains(request.kind), request.parent.isEmpty {
            throw ServiceError.badRequest("parent: a \(request.kind.rawValue) needs the id of its round",
                                          details: ["field": "parent"])
        }
        var seen = Set<String>()
        for (index, record) in request.records.enumerated() {
            guard !record.id.isEmpty else {
                throw ServiceError.badRequest("records[\(index)].id is empty", details: ["field": "records[\(index)].id"])
            }
            guard seen.insert(record.id).inserted else {
                throw ServiceError.badRequest("records[\(index)].id: '\(record.id)' appears twice",
                                              details: ["field": "records[\(index)].id"])
            }
            let object = try? JSONSerialization.jsonObject(with: Data(record.document.utf8))
            guard object is [String: Any] else {
                throw ServiceError.badRequest("records[\(index)].document: not a JSON object",
                                              details: ["field": "records[\(index)].document"])
            }
        }
    }

    static func check(hashes: [String]) throws {
        let hex = Set("0123456789abcdef")
        for (index, hash) in hashes.enumerated() where hash.count != 64 || !hash.allSatisfy(hex.contains) {
            throw ServiceError.badRequest("hashes[\(index)]: not a SHA-256 in lowercase hex (64 characters)",
                                          details: ["field": "hashes[\(index)]"])
        }
    }
}

/// The form in which a participation record reaches the audit log: the document, except that a
/// round's `secret` is left out.
enum ParticipationAudit {
    static func form(kind: ParticipationStorageRecordKind, document: String) -> String {
        guard kind == .round,
              var object = (try? JSONSerialization.jsonObject(with: Data(document.utf8))) as? [String: Any] else {
            return document
        }
        object["secret"] = nil
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The audit row of one saved record: `create` when `before` is nil, `update` otherwise.
    static func entry(kind: ParticipationStorageRecordKind, parent: String, record: ParticipationStorageContracts.Record,
                      before: String?, origin: ChangeOrigin, timestamp: String) -> AuditEntry {
        AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId,
                   operation: before == nil ? "create" : "update", recordType: "participation.\(kind.rawValue)",
                   recordId: parent.isEmpty ? record.id : "\(parent)/\(record.id)",
                   before: before.map { form(kind: kind, document: $0) }, after: form(kind: kind, document: record.document))
    }
}
