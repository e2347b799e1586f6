import Foundation
import Model

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

    /// The audit row of one removed record, with its last document as `before`.
    static func deletion(kind: ParticipationStorageRecordKind, parent: String, id: String, before: String,
                         origin: ChangeOrigin, timestamp: String) -> AuditEntry {
        AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId, operation: "delete",
                   recordType: "participation.\(kind.rawValue)", recordId: parent.isEmpty ? id : "\(parent)/\(id)",
                   before: form(kind: kind, document: before), after: nil)
    }
}
