import Foundation
import GRDB
import Model

extension SQLiteBackend {
    func auditEntries(recordType: String?, recordId: String?, limit: Int?) async throws -> [AuditEntry] {
        try await pool.read { db in
            var request = AuditEntry.order(Column("id").desc)
            if let recordType { request = request.filter(Column("record_type") == recordType) }
            if let recordId { request = request.filter(Column("record_id") == recordId) }
            if let limit { request = request.limit(limit) }
            return try request.fetchAll(db)
        }
    }

    func plans() async throws -> [StoredPlan] {
        try await pool.read { db in try StoredPlan.fetchAll(db) }
    }

    func plan(id: String) async throws -> StoredPlan? {
        try await pool.read { db in try StoredPlan.fetchOne(db, id: id) }
    }

    func statusReports(planId: String) async throws -> [StatusReport] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT report FROM status_report WHERE plan_id = ? ORDER BY seq", arguments: [planId])
        }.map { try StoredStatusReport.decode($0, planId: planId) }
    }

    func statusReportCounts() async throws -> [String: Int] {
        try await pool.read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT plan_id, count(*) AS n FROM status_report GROUP BY plan_id")
            return Dictionary(uniqueKeysWithValues: rows.map { ($0["plan_id"] as String, $0["n"] as Int) })
        }
    }

    /// One write transaction; writes run one at a time, so two imports of one plan are serialised.
    func importPlan(_ request: PlanContracts.Import.Request, origin: ChangeOrigin,
                    at instant: Date) async throws -> PlanImportResult {
        let timestamp = instant.storageTimestamp
        let operation = PlanContracts.Import.operation
        return try await pool.write { db in
            if let processed = try ProcessedRequest.fetchOne(db, key: origin.requestId) {
                let reply = try ProcessedReply.decode(PlanContracts.Import.Response.self, expected: operation,
                                                      stored: processed.operation, reply: processed.reply,
                                                      requestId: origin.requestId)
                return PlanImportResult(reply: reply, replayed: true)
            }
            let planId = request.document.plan.id
            let organisations = Dictionary(uniqueKeysWithValues: try OrganisationRow.fetchAll(db).map { ($0.id, $0) })
            let stored = try StoredPlan.fetchOne(db, id: planId)
            let storedReports = try String.fetchAll(db, sql: "SELECT report FROM status_report WHERE plan_id = ?",
                                                    arguments: [planId])
            let plan = try PlanImportPlan(request, stored: stored, storedReports: Set(storedReports),
                                          organisations: organisations)
            for change in plan.organisations.changes {
                switch change {
                case .create(let organisation): try OrganisationRow(organisation).insert(db)
                case .update(_, let after): try OrganisationRow(after).update(db)
                }
                var entry = try OrganisationUpsertPlan.auditEntry(for: change, origin: origin, at: timestamp)
                try entry.insert(db)
            }
            switch plan.plan {
            case .create(let document):
                try db.execute(sql: "INSERT INTO plan (id, version, document, updated_at) VALUES (?, 1, ?, ?)",
                               arguments: [planId, document, timestamp])
            case .update(_, let document, let version):
                try db.execute(sql: "UPDATE plan SET version = ?, document = ?, updated_at = ? WHERE id = ?",
                               arguments: [version, document, timestamp, planId])
            case .unchanged:
                break
            }
            if var entry = plan.planAuditEntry(origin: origin, at: timestamp) {
                try entry.insert(db)
            }
            for report in plan.reports {
                try Self.insert(report, requestId: origin.requestId, db: db)
                var entry = report.auditEntry(origin: origin, at: timestamp)
                try entry.insert(db)
            }
            try ProcessedRequest(requestId: origin.requestId, operation: operation, reply: try plan.replyJSON(),
                                 createdAt: timestamp).insert(db)
            return PlanImportResult(reply: plan.reply, replayed: false)
        }
    }

    func recordStatus(_ request: PlanContracts.RecordStatus.Request, origin: ChangeOrigin,
                      at instant: Date) async throws -> StatusRecordResult {
        let timestamp = instant.storageTimestamp
        let operation = PlanContracts.RecordStatus.operation
        return try await pool.write { db in
            if let processed = try ProcessedRequest.fetchOne(db, key: origin.requestId) {
                let reply = try ProcessedReply.decode(PlanContracts.RecordStatus.Response.self, expected: operation,
                                                      stored: processed.operation, reply: processed.reply,
                                                      requestId: origin.requestId)
                return StatusRecordResult(reply: reply, replayed: true)
            }
            let plan = try StatusRecordPlan(request, stored: try StoredPlan.fetchOne(db, id: request.planId), origin: origin,
                                            at: instant)
            try Self.insert(plan.report, requestId: origin.requestId, db: db)
            var entry = plan.report.auditEntry(origin: origin, at: timestamp)
            try entry.insert(db)
            try ProcessedRequest(requestId: origin.requestId, operation: operation, reply: try plan.replyJSON(),
                                 createdAt: timestamp).insert(db)
            return StatusRecordResult(reply: plan.reply, replayed: false)
        }
    }

    static func insert(_ stored: StoredStatusReport, requestId: String, db: Database) throws {
        let report = stored.report
        // A cached statement: an import adds thousands of reports in one transaction.
        let statement = try db.cachedStatement(sql: """
            INSERT INTO status_report (plan_id, item, period, status, report, reported_at, reporter, request_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        try statement.execute(arguments: [stored.planId, report.item, report.period.description, report.status.rawValue,
                                          stored.json, report.reportedAt?.storageTimestamp, report.reporter, requestId])
    }
}
