import Foundation
import Logging
import Model
import PostgresNIO

extension PostgresBackend {
    /// Rows per multi-row statement: large enough that a 20 000-action import needs a few dozen
    /// statements, small enough that one statement's parameters stay a few megabytes.
    static let batchSize = 2_000

    /// Adds status reports with one `INSERT … SELECT FROM unnest(…)` per batch, inside the caller's transaction.
    ///
    /// Optional columns travel as text arrays with `''` for none (postgres-nio encodes arrays of
    /// non-optional values only), turned back into NULL by `NULLIF`.
    static func insert(_ reports: [StoredStatusReport], requestId: String, on connection: PostgresConnection,
                       logger: Logger) async throws {
        for start in stride(from: 0, to: reports.count, by: batchSize) {
            let batch = reports[start..<min(start + batchSize, reports.count)]
            let planIds = batch.map(\.planId)
            let items = batch.map(\.report.item)
            let periods = batch.map(\.report.period.description)
            let statuses = batch.map(\.report.status.rawValue)
            let json = batch.map(\.json)
            let reportedAt = batch.map { $0.report.reportedAt?.storageTimestamp ?? "" }
            let reporters = batch.map { $0.report.reporter ?? "" }
            try await connection.query("""
                INSERT INTO status_report (plan_id, item, period, status, report, reported_at, reporter, request_id)
                SELECT u.plan_id, u.item, u.period, u.status, u.report, NULLIF(u.reported_at, '')::timestamptz,
                       NULLIF(u.reporter, ''), \(requestId)
                FROM unnest(\(planIds)::text[], \(items)::text[], \(periods)::text[], \(statuses)::text[], \(json)::text[],
                            \(reportedAt)::text[], \(reporters)::text[])
                     WITH ORDINALITY AS u(plan_id, item, period, status, report, reported_at, reporter, n)
                ORDER BY u.n
                """, logger: logger)
        }
    }

    /// Writes audit rows with one statement per batch, in order, inside the caller's transaction.
    static func insertAudit(_ entries: [AuditEntry], at instant: Date, on connection: PostgresConnection,
                            logger: Logger) async throws {
        for start in stride(from: 0, to: entries.count, by: batchSize) {
            let batch = entries[start..<min(start + batchSize, entries.count)]
            let actors = batch.map(\.actor)
            let requestIds = batch.map { $0.requestId ?? "" }
            let operations = batch.map(\.operation)
            let recordTypes = batch.map(\.recordType)
            let recordIds = batch.map(\.recordId)
            let befores = batch.map { $0.before ?? "" }
            let afters = batch.map { $0.after ?? "" }
            try await connection.query("""
                INSERT INTO audit_log (at, actor, request_id, operation, record_type, record_id, before, after)
                SELECT \(instant), u.actor, NULLIF(u.request_id, ''), u.operation, u.record_type, u.record_id,
                       NULLIF(u.before, '')::jsonb, NULLIF(u.after, '')::jsonb
                FROM unnest(\(actors)::text[], \(requestIds)::text[], \(operations)::text[], \(recordTypes)::text[],
                            \(recordIds)::text[], \(befores)::text[], \(afters)::text[])
                     WITH ORDINALITY AS u(actor, request_id, operation, record_type, record_id, before, after, n)
                ORDER BY u.n
                """, logger: logger)
        }
    }
}
