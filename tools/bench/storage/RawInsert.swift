import BusCore
import Foundation
import GRDB
import Logging
import Model
import PostgresNIO

/// The rows storage writes for a plan import, encoded as storage encodes them: the plan row holds
/// the document without its status reports, each status report row its own JSON.
struct PlanRows {
    struct Report {
        var item: String
        var period: String
        var status: String
        var json: String
        var reportedAt: Date?
        var reporter: String?
    }

    var planId: String
    var document: String
    var reports: [Report]
    let requestId = UUID().uuidString

    init(_ document: PlanDocument) throws {
        var stored = document
        stored.plan.version = nil
        stored.statusReports = []
        planId = document.plan.id
        self.document = String(decoding: try JSONCoding.encoder.encode(stored), as: UTF8.self)
        reports = try document.statusReports.map { report in
            Report(item: report.item, period: report.period.description, status: report.status.rawValue,
                   json: String(decoding: try JSONCoding.encoder.encode(report), as: UTF8.self),
                   reportedAt: report.reportedAt, reporter: report.reporter)
        }
    }
}

enum RawInsert {
    /// Inserts the plan row and every status report row into a migrated SQLite file in one
    /// transaction, with one prepared statement executed per row.
    static func sqlite(path: String, rows: PlanRows) throws {
        let queue = try DatabaseQueue(path: path)
        let now = Date().formatted(.iso8601)
        try queue.inTransaction { db in
            try db.execute(sql: "INSERT INTO plan (id, version, document, updated_at) VALUES (?, 1, ?, ?)",
                           arguments: [rows.planId, rows.document, now])
            let statement = try db.makeStatement(sql: """
                INSERT INTO status_report (plan_id, item, period, status, report, reported_at, reporter, request_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for report in rows.reports {
                try statement.execute(arguments: [rows.planId, report.item, report.period, report.status, report.json,
                                                  report.reportedAt?.formatted(.iso8601), report.reporter, rows.requestId])
            }
            return .commit
        }
        try queue.close()
    }

    /// Inserts the same rows into a migrated PostgreSQL database in one transaction: the status
    /// reports as multi-row inserts of 5 000 rows each (`unnest` of arrays bound as parameters).
    static func postgres(_ configuration: PostgresConnection.Configuration, rows: PlanRows, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(configuration: configuration, id: 2, logger: logger)
        do {
            try await connection.query("BEGIN", logger: logger)
            let now = Date()
            try await connection.query("""
                INSERT INTO plan (id, version, document, updated_at) VALUES (\(rows.planId), 1, \(rows.document), \(now))
                """, logger: logger)
            var start = 0
            while start < rows.reports.count {
                let batch = rows.reports[start..<min(start + 5_000, rows.reports.count)]
                let items = batch.map(\.item), periods = batch.map(\.period), statuses = batch.map(\.status)
                let reports = batch.map(\.json), reporters = batch.map { $0.reporter ?? "" }
                let times = batch.map { $0.reportedAt?.formatted(.iso8601) ?? "" }
                try await connection.query("""
                    INSERT INTO status_report (plan_id, item, period, status, report, reported_at, reporter, request_id)
                    SELECT \(rows.planId), u.item, u.period, u.status, u.report, NULLIF(u.reported_at, '')::timestamptz,
                           NULLIF(u.reporter, ''), \(rows.requestId)
                    FROM unnest(\(items)::text[], \(periods)::text[], \(statuses)::text[], \(reports)::text[],
                                \(times)::text[], \(reporters)::text[])
                         AS u(item, period, status, report, reported_at, reporter)
                    """, logger: logger)
                start += batch.count
            }
            try await connection.query("COMMIT", logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
