import BusCore
import Foundation
import Logging
import Model
import PostgresNIO

extension PostgresBackend {
    /// One transaction (READ COMMITTED): claim the request id; lock what the scope reads — the plan
    /// by the same advisory lock and row lock as `plan.import`; the organisations in `SHARE` mode
    /// (changes of organisations wait), or in `SHARE ROW EXCLUSIVE` mode when the change writes
    /// them (imports and edits, which read them in `SHARE` mode, wait); every plan against changes
    /// — then read, plan and write.
    func write(operation: String, scope: WriteScope, origin: ChangeOrigin, at instant: Date,
               plan: @escaping @Sendable (WriteSnapshot) throws -> PlannedWrite) async throws -> WriteResult {
        let requestId = origin.requestId
        return try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                if let stored = try await Self.claim(requestId, operation: operation, at: instant, on: connection,
                                                     logger: logger) {
                    try ProcessedReply.checkOperation(expected: operation, stored: stored.operation, requestId: requestId)
                    return WriteResult(reply: stored.reply, replayed: true)
                }
                var snapshot = WriteSnapshot()
                if scope.organisations {
                    let mode: PostgresQuery = scope.changesOrganisations
                        ? "LOCK TABLE organisation IN SHARE ROW EXCLUSIVE MODE" : "LOCK TABLE organisation IN SHARE MODE"
                    try await connection.query(mode, logger: logger)
                    let rows = try await connection.query(
                        "SELECT id, kind, name_fi, name_sv, name_en, parent_id, version FROM organisation", logger: logger)
                    for try await columns in rows.decode(OrganisationRow.Columns.self) {
                        let row = OrganisationRow(columns)
                        snapshot.organisations[row.id] = row
                    }
                }
                if scope.allPlans {
                    try await connection.query("LOCK TABLE plan IN SHARE ROW EXCLUSIVE MODE", logger: logger)
                    let rows = try await connection.query("SELECT id, version, document FROM plan ORDER BY id COLLATE \"C\"",
                                                          logger: logger)
                    for try await (id, version, document) in rows.decode((String, Int, String).self) {
                        snapshot.plans.append(StoredPlan(id: id, version: version, document: document))
                    }
                }
                if let planId = scope.planId {
                    try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\("plan:" + planId), 0))",
                                               logger: logger)
                    snapshot.plan = try await Self.fetchPlan(id: planId, lock: "FOR UPDATE", on: connection, logger: logger)
                    let rows = try await connection.query(
                        "SELECT report FROM status_report WHERE plan_id = \(planId) ORDER BY seq", logger: logger)
                    for try await json in rows.decode(String.self) {
                        snapshot.statusReports.append(json)
                    }
                }
                let planned = try plan(snapshot)
                for step in planned.steps {
                    try await Self.apply(step, at: instant, on: connection, logger: logger)
                }
                try await Self.insertAudit(planned.audit, at: instant, on: connection, logger: logger)
                try await connection.query(
                    "UPDATE processed_request SET reply = \(planned.reply) WHERE request_id = \(requestId)", logger: logger)
                return WriteResult(reply: planned.reply, replayed: false)
            }
        } }
    }

    private static func apply(_ step: WriteStep, at instant: Date, on connection: PostgresConnection,
                              logger: Logger) async throws {
        switch step {
        case .savePlan(let id, let document, let version) where version == 1:
            try await connection.query(
                "INSERT INTO plan (id, version, document, updated_at) VALUES (\(id), 1, \(document), \(instant))",
                logger: logger)
        case .savePlan(let id, let document, let version):
            let updated = try await connection.query("""
                UPDATE plan SET version = \(version), document = \(document), updated_at = \(instant)
                WHERE id = \(id) AND version = \(version - 1) RETURNING id
                """, logger: logger).collect()
            guard updated.count == 1 else {
                throw StorageDataError("plan '\(id)' was not at version \(version - 1) when it was written")
            }
        case .deletePlan(let id):
            try await connection.query("DELETE FROM status_report WHERE plan_id = \(id)", logger: logger)
            try await connection.query("DELETE FROM plan WHERE id = \(id)", logger: logger)
        case .deleteOrganisation(let id, let version):
            let deleted = try await connection.query(
                "DELETE FROM organisation WHERE id = \(id) AND version = \(version) RETURNING id", logger: logger).collect()
            guard deleted.count == 1 else {
                throw StorageDataError("organisation '\(id)' was not at version \(version) when it was deleted")
            }
        case .addStatusReport(let report, let requestId):
            try await insert([report], requestId: requestId, on: connection, logger: logger)
        }
    }
}
