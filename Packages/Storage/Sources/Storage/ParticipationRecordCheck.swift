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

    /// Round documents hold the secret that keys the voters' HMAC: only a caller with the
    /// `service` role (the participation service) reads them; others get a 403.
    static func checkReader(kind: ParticipationStorageRecordKind, actor: Actor) throws {
        guard kind == .round, !actor.roles.contains("service") else { return }
        throw ServiceError(.forbidden, code: "forbidden",
                           "round documents hold the round's secret; only the participation service reads them",
                           details: ["kind": kind.rawValue])
    }

    static func check(hashes: [String]) throws {
        let hex = Set("0123456789abcdef")
        for (index, hash) in hashes.enumerated() where hash.count != 64 || !hash.allSatisfy(hex.contains) {
            throw ServiceError.badRequest("hashes[\(index)]: not a SHA-256 in lowercase hex (64 characters)",
                                          details: ["field": "hashes[\(index)]"])
        }
    }
}
