import Foundation
import GRDB
import Model

extension SQLiteBackend {
    func organisations() async throws -> [Organisation] {
        let rows = try await pool.read { db in
            try OrganisationRow.order(Column("id")).fetchAll(db)
        }
        return try rows.map { try $0.organisation() }
    }

    func organisation(id: String) async throws -> Organisation? {
        try await pool.read { db in try OrganisationRow.fetchOne(db, key: id) }?.organisation()
    }

    /// One write transaction; the pool runs writes one at a time, and the file lock keeps other
    /// processes away, so the request id is checked and recorded without a race.
    func upsertOrganisations(_ organisations: [Organisation], expectedVersions: [String: Int]?, origin: ChangeOrigin,
                             at instant: Date) async throws -> OrganisationUpsertResult {
        let timestamp = instant.storageTimestamp
        return try await pool.write { db in
            if let processed = try ProcessedRequest.fetchOne(db, key: origin.requestId) {
                let reply = try OrganisationUpsertPlan.storedReply(operation: processed.operation, reply: processed.reply,
                                                                   requestId: origin.requestId)
                return OrganisationUpsertResult(reply: reply, replayed: true)
            }
            let stored = Dictionary(uniqueKeysWithValues: try OrganisationRow.fetchAll(db).map { ($0.id, $0) })
            let plan = try OrganisationUpsertPlan(organisations, expectedVersions: expectedVersions, stored: stored)
            for change in plan.changes {
                switch change {
                case .create(let organisation): try OrganisationRow(organisation).insert(db)
                case .update(_, let after): try OrganisationRow(after).update(db)
                }
                var entry = try OrganisationUpsertPlan.auditEntry(for: change, origin: origin, at: timestamp)
                try entry.insert(db)
            }
            try ProcessedRequest(requestId: origin.requestId, operation: OrganisationUpsertPlan.Upsert.operation,
                                 reply: try plan.replyJSON(), createdAt: timestamp).insert(db)
            return OrganisationUpsertResult(reply: plan.reply, replayed: false)
        }
    }
}
