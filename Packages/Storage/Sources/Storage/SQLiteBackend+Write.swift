import Foundation
import GRDB
import Model

extension SQLiteBackend {
    /// One write transaction; writes run one at a time, so the snapshot cannot change under the plan.
    func write(operation: String, scope: WriteScope, origin: ChangeOrigin, at instant: Date,
               plan: @escaping @Sendable (WriteSnapshot) throws -> PlannedWrite) async throws -> WriteResult {
        let timestamp = instant.storageTimestamp
        return try await pool.write { db in
            if let processed = try ProcessedRequest.fetchOne(db, key: origin.requestId) {
                try ProcessedReply.checkOperation(expected: operation, stored: processed.operation,
                                                  requestId: origin.requestId)
                return WriteResult(reply: processed.reply, replayed: true)
            }
            var snapshot = WriteSnapshot()
            if let planId = scope.planId {
                snapshot.plan = try StoredPlan.fetchOne(db, id: planId)
                snapshot.statusReports = try String.fetchAll(
                    db, sql: "SELECT report FROM status_report WHERE plan_id = ? ORDER BY seq", arguments: [planId])
            }
            if scope.organisations {
                snapshot.organisations = Dictionary(uniqueKeysWithValues: try OrganisationRow.fetchAll(db).map { ($0.id, $0) })
            }
            if scope.allPlans {
                snapshot.plans = try StoredPlan.fetchAll(db)
            }
            let planned = try plan(snapshot)
            for step in planned.steps {
                try Self.apply(step, at: timestamp, db: db)
            }
            for var entry in planned.audit {
                try entry.insert(db)
            }
            try ProcessedRequest(requestId: origin.requestId, operation: operation, reply: planned.reply,
                                 createdAt: timestamp).insert(db)
            return WriteResult(reply: planned.reply, replayed: false)
        }
    }

    private static func apply(_ step: WriteStep, at timestamp: String, db: Database) throws {
        switch step {
        case .savePlan(let id, let document, let version) where version == 1:
            try db.execute(sql: "INSERT INTO plan (id, version, document, updated_at) VALUES (?, 1, ?, ?)",
                           arguments: [id, document, timestamp])
        case .savePlan(let id, let document, let version):
            try db.execute(sql: "UPDATE plan SET version = ?, document = ?, updated_at = ? WHERE id = ? AND version = ?",
                           arguments: [version, document, timestamp, id, version - 1])
            guard db.changesCount == 1 else {
                throw StorageDataError("plan '\(id)' was not at version \(version - 1) when it was written")
            }
        case .deletePlan(let id):
            try db.execute(sql: "DELETE FROM status_report WHERE plan_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM plan WHERE id = ?", arguments: [id])
        case .deleteOrganisation(let id, let version):
            try db.execute(sql: "DELETE FROM organisation WHERE id = ? AND version = ?", arguments: [id, version])
            guard db.changesCount == 1 else {
                throw StorageDataError("organisation '\(id)' was not at version \(version) when it was deleted")
            }
        case .addStatusReport(let report, let requestId):
            try insert(report, requestId: requestId, db: db)
        }
    }
}

extension StoredPlan {
    /// The plan row with `id` in `db`, or nil.
    static func fetchOne(_ db: Database, id: String) throws -> StoredPlan? {
        try Row.fetchOne(db, sql: "SELECT id, version, document FROM plan WHERE id = ?", arguments: [id]).map(StoredPlan.init(row:))
    }

    /// Every plan row in `db`, ordered by id.
    static func fetchAll(_ db: Database) throws -> [StoredPlan] {
        try Row.fetchAll(db, sql: "SELECT id, version, document FROM plan ORDER BY id").map(StoredPlan.init(row:))
    }

    private init(row: Row) {
        self.init(id: row["id"], version: row["version"], document: row["document"])
    }
}
