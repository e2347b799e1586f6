import BusCore
import Foundation
import Logging
import Model
import PostgresNIO

extension PostgresBackend {
    func auditEntries(recordType: String?, recordId: String?, limit: Int?) async throws -> [AuditEntry] {
        try await reportingDatabaseErrors {
            let rows = try await client.query("""
                SELECT id, at, actor, request_id, operation, record_type, record_id, before::text, after::text
                FROM audit_log
                WHERE (\(recordType)::text IS NULL OR record_type = \(recordType))
                  AND (\(recordId)::text IS NULL OR record_id = \(recordId))
                ORDER BY id DESC
                LIMIT \(limit)
                """, logger: logger)
            var entries: [AuditEntry] = []
            for try await (id, at, actor, requestId, operation, recordType, recordId, before, after)
                in rows.decode((Int64, Date, String, String?, String, String, String, String?, String?).self) {
                entries.append(AuditEntry(id: id, at: at.storageTimestamp, actor: actor, requestId: requestId,
                                          operation: operation, recordType: recordType, recordId: recordId,
                                          before: before, after: after))
            }
            return entries
        }
    }

    func plans() async throws -> [StoredPlan] {
        try await reportingDatabaseErrors {
            let rows = try await client.query("SELECT id, version, document FROM plan ORDER BY id COLLATE \"C\"", logger: logger)
            var plans: [StoredPlan] = []
            for try await (id, version, document) in rows.decode((String, Int, String).self) {
                plans.append(StoredPlan(id: id, version: version, document: document))
            }
            return plans
        }
    }

    func plan(id: String) async throws -> StoredPlan? {
        try await reportingDatabaseErrors {
            try await client.withConnection { connection in
                try await Self.fetchPlan(id: id, lock: "", on: connection, logger: logger)
            }
        }
    }

    func statusReports(planId: String) async throws -> [StatusReport] {
        try await reportingDatabaseErrors {
            let rows = try await client.query("SELECT report FROM status_report WHERE plan_id = \(planId) ORDER BY seq",
                                              logger: logger)
            var reports: [StatusReport] = []
            for try await json in rows.decode(String.self) {
                reports.append(try StoredStatusReport.decode(json, planId: planId))
            }
            return reports
        }
    }

    func statusReportCounts() async throws -> [String: Int] {
        try await reportingDatabaseErrors {
            let rows = try await client.query("SELECT plan_id, count(*) FROM status_report GROUP BY plan_id", logger: logger)
            var counts: [String: Int] = [:]
            for try await (planId, count) in rows.decode((String, Int).self) {
                counts[planId] = count
            }
            return counts
        }
    }

    /// One transaction (READ COMMITTED): claim the request id as in `organisation.upsert`, take a
    /// transaction-scoped advisory lock on the plan id, so that imports of one plan run one after
    /// the other and each sees the version the one before committed, and lock `organisation`
    /// against other writers when the document brings organisations.
    func importPlan(_ request: PlanContracts.Import.Request, origin: ChangeOrigin,
                    at instant: Date) async throws -> PlanImportResult {
        let operation = PlanContracts.Import.operation
        let requestId = origin.requestId
        let planId = request.document.plan.id
        return try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                if let reply = try await Self.claim(requestId, operation: operation, at: instant, on: connection, logger: logger) {
                    return PlanImportResult(reply: try ProcessedReply.decode(
                        PlanContracts.Import.Response.self, expected: operation, stored: reply.operation,
                        reply: reply.reply, requestId: requestId), replayed: true)
                }
                try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\("plan:" + planId), 0))",
                                           logger: logger)
                // SHARE keeps an organisation the plan names from being deleted meanwhile.
                try await connection.query(request.document.organisations.isEmpty
                                           ? "LOCK TABLE organisation IN SHARE MODE"
                                           : "LOCK TABLE organisation IN SHARE ROW EXCLUSIVE MODE", logger: logger)
                var organisations: [String: OrganisationRow] = [:]
                let rows = try await connection.query(
                    "SELECT id, kind, name_fi, name_sv, name_en, parent_id, version FROM organisation", logger: logger)
                for try await columns in rows.decode(OrganisationRow.Columns.self) {
                    let row = OrganisationRow(columns)
                    organisations[row.id] = row
                }
                let stored = try await Self.fetchPlan(id: planId, lock: "FOR UPDATE", on: connection, logger: logger)
                var storedReports = Set<String>()
                for try await json in try await connection.query(
                    "SELECT report FROM status_report WHERE plan_id = \(planId)", logger: logger).decode(String.self) {
                    storedReports.insert(json)
                }
                let plan = try PlanImportPlan(request, stored: stored, storedReports: storedReports,
                                              organisations: organisations)
                let timestamp = instant.storageTimestamp
                try await Self.apply(plan.organisations.changes, origin: origin, at: instant, on: connection, logger: logger)
                switch plan.plan {
                case .create(let document):
                    try await connection.query("""
                        INSERT INTO plan (id, version, document, updated_at) VALUES (\(planId), 1, \(document), \(instant))
                        """, logger: logger)
                case .update(let before, let document, let version):
                    let updated = try await connection.query("""
                        UPDATE plan SET version = \(version), document = \(document), updated_at = \(instant)
                        WHERE id = \(planId) AND version = \(version - 1) AND document = \(before)
                        RETURNING id
                        """, logger: logger).collect()
                    guard !updated.isEmpty else {
                        throw StorageDataError("plan '\(planId)' changed while it was locked for an import")
                    }
                case .unchanged:
                    break
                }
                if let entry = plan.planAuditEntry(origin: origin, at: timestamp) {
                    try await Self.insertAudit(entry, at: instant, on: connection, logger: logger)
                }
                try await Self.insert(plan.reports, requestId: requestId, on: connection, logger: logger)
                try await Self.insertAudit(plan.reports.map { $0.auditEntry(origin: origin, at: timestamp) }, at: instant,
                                           on: connection, logger: logger)
                try await connection.query(
                    "UPDATE processed_request SET reply = \(try plan.replyJSON()) WHERE request_id = \(requestId)",
                    logger: logger)
                return PlanImportResult(reply: plan.reply, replayed: false)
            }
        } }
    }

    /// One transaction: claim the request id, read the plan `FOR SHARE` (an import of it waits),
    /// add the report and its audit row.
    func recordStatus(_ request: PlanContracts.RecordStatus.Request, origin: ChangeOrigin,
                      at instant: Date) async throws -> StatusRecordResult {
        let operation = PlanContracts.RecordStatus.operation
        let requestId = origin.requestId
        return try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                if let reply = try await Self.claim(requestId, operation: operation, at: instant, on: connection, logger: logger) {
                    return StatusRecordResult(reply: try ProcessedReply.decode(
                        PlanContracts.RecordStatus.Response.self, expected: operation, stored: reply.operation,
                        reply: reply.reply, requestId: requestId), replayed: true)
                }
                let stored = try await Self.fetchPlan(id: request.planId, lock: "FOR SHARE", on: connection, logger: logger)
                let plan = try StatusRecordPlan(request, stored: stored, origin: origin, at: instant)
                try await Self.insert([plan.report], requestId: requestId, on: connection, logger: logger)
                try await Self.insertAudit(plan.report.auditEntry(origin: origin, at: instant.storageTimestamp), at: instant,
                                      on: connection, logger: logger)
                try await connection.query(
                    "UPDATE processed_request SET reply = \(try plan.replyJSON()) WHERE request_id = \(requestId)",
                    logger: logger)
                return StatusRecordResult(reply: plan.reply, replayed: false)
            }
        } }
    }

    /// Inserts the claim on `requestId`; returns the stored operation and reply when another
    /// request with the id was applied before (after waiting for it to commit).
    static func claim(_ requestId: String, operation: String, at instant: Date, on connection: PostgresConnection,
                              logger: Logger) async throws -> (operation: String, reply: String)? {
        let claimed = try await connection.query("""
            INSERT INTO processed_request (request_id, operation, reply, created_at)
            VALUES (\(requestId), \(operation), '', \(instant))
            ON CONFLICT (request_id) DO NOTHING
            RETURNING request_id
            """, logger: logger).collect()
        guard claimed.isEmpty else { return nil }
        let stored = try await connection.query(
            "SELECT operation, reply FROM processed_request WHERE request_id = \(requestId)", logger: logger).collect()
        guard let row = stored.first else {
            throw StorageDataError("request id '\(requestId)' conflicts in processed_request but has no row")
        }
        let (storedOperation, reply) = try row.decode((String, String).self)
        return (storedOperation, reply)
    }

    /// The plan row with `id`, optionally locked (`FOR UPDATE`, `FOR SHARE`).
    static func fetchPlan(id: String, lock: String, on connection: PostgresConnection,
                                  logger: Logger) async throws -> StoredPlan? {
        var query: PostgresQuery = "SELECT id, version, document FROM plan WHERE id = \(id)"
        query.sql += lock.isEmpty ? "" : " " + lock
        for try await (id, version, document) in try await connection.query(query, logger: logger)
            .decode((String, Int, String).self) {
            return StoredPlan(id: id, version: version, document: document)
        }
        return nil
    }

}
