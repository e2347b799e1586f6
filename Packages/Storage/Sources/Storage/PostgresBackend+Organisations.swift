import BusCore
import Foundation
import Model
import PostgresNIO

extension PostgresBackend {
    func organisations() async throws -> [Organisation] {
        try await reportingDatabaseErrors { try await fetchOrganisations() }
    }

    private func fetchOrganisations() async throws -> [Organisation] {
        let rows = try await client.query(
            "SELECT id, kind, name_fi, name_sv, name_en, parent_id, version FROM organisation ORDER BY id COLLATE \"C\"",
            logger: logger)
        var organisations: [Organisation] = []
        for try await row in rows.decode(OrganisationRow.Columns.self) {
            organisations.append(try OrganisationRow(row).organisation())
        }
        return organisations
    }

    func organisation(id: String) async throws -> Organisation? {
        try await reportingDatabaseErrors { try await fetchOrganisation(id: id) }
    }

    private func fetchOrganisation(id: String) async throws -> Organisation? {
        let rows = try await client.query(
            "SELECT id, kind, name_fi, name_sv, name_en, parent_id, version FROM organisation WHERE id = \(id)",
            logger: logger)
        for try await row in rows.decode(OrganisationRow.Columns.self) {
            return try OrganisationRow(row).organisation()
        }
        return nil
    }

    /// One transaction on one pooled connection (READ COMMITTED):
    ///
    /// 1. claim the request id: insert its `processed_request` row, `ON CONFLICT DO NOTHING`.
    ///    A second worker with the same id waits on the primary key until the first commits (and
    ///    then finds the stored reply) or rolls back (and then applies the request itself);
    /// 2. lock `organisation` against other writers (`SHARE ROW EXCLUSIVE`; readers go on), so
    ///    that validation sees the tree the change is applied to;
    /// 3. validate and plan, write the rows and their audit entries, store the reply.
    ///
    /// A refused request rolls back, the claim with it, so its id may be used again.
    func upsertOrganisations(_ organisations: [Organisation], expectedVersions: [String: Int]?, origin: ChangeOrigin,
                             at instant: Date) async throws -> OrganisationUpsertResult {
        let operation = OrganisationUpsertPlan.Upsert.operation
        let requestId = origin.requestId
        return try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                let claimed = try await connection.query("""
                    INSERT INTO processed_request (request_id, operation, reply, created_at)
                    VALUES (\(requestId), \(operation), '', \(instant))
                    ON CONFLICT (request_id) DO NOTHING
                    RETURNING request_id
                    """, logger: logger).collect()
                if claimed.isEmpty {
                    let stored = try await connection.query(
                        "SELECT operation, reply FROM processed_request WHERE request_id = \(requestId)",
                        logger: logger).collect()
                    guard let row = stored.first else {
                        throw StorageDataError("request id '\(requestId)' conflicts in processed_request but has no row")
                    }
                    let (storedOperation, reply) = try row.decode((String, String).self)
                    let response = try OrganisationUpsertPlan.storedReply(operation: storedOperation, reply: reply,
                                                                          requestId: requestId)
                    return OrganisationUpsertResult(reply: response, replayed: true)
                }

                try await connection.query("LOCK TABLE organisation IN SHARE ROW EXCLUSIVE MODE", logger: logger)
                var stored: [String: OrganisationRow] = [:]
                let rows = try await connection.query(
                    "SELECT id, kind, name_fi, name_sv, name_en, parent_id, version FROM organisation", logger: logger)
                for try await columns in rows.decode(OrganisationRow.Columns.self) {
                    let row = OrganisationRow(columns)
                    stored[row.id] = row
                }
                let plan = try OrganisationUpsertPlan(organisations, expectedVersions: expectedVersions, stored: stored)
                let timestamp = instant.storageTimestamp
                try await Self.apply(plan.changes, origin: origin, at: instant, on: connection, logger: logger)
                try await connection.query(
                    "UPDATE processed_request SET reply = \(try plan.replyJSON()) WHERE request_id = \(requestId)",
                    logger: logger)
                return OrganisationUpsertResult(reply: plan.reply, replayed: false)
            }
        } }
    }

    /// Writes organisation changes and their audit rows inside the caller's transaction.
    static func apply(_ changes: [OrganisationUpsertPlan.Change], origin: ChangeOrigin, at instant: Date,
                      on connection: PostgresConnection, logger: Logger) async throws {
        let timestamp = instant.storageTimestamp
        for change in changes {
            let row = OrganisationRow(change.after)
            switch change {
            case .create:
                try await connection.query("""
                    INSERT INTO organisation (id, kind, name_fi, name_sv, name_en, parent_id, version)
                    VALUES (\(row.id), \(row.kind), \(row.nameFi), \(row.nameSv), \(row.nameEn), \(row.parentId), \(row.version))
                    """, logger: logger)
            case .update:
                try await connection.query("""
                    UPDATE organisation
                    SET kind = \(row.kind), name_fi = \(row.nameFi), name_sv = \(row.nameSv), name_en = \(row.nameEn),
                        parent_id = \(row.parentId), version = \(row.version)
                    WHERE id = \(row.id)
                    """, logger: logger)
            }
            try await insertAudit(try OrganisationUpsertPlan.auditEntry(for: change, origin: origin, at: timestamp),
                                  at: instant, on: connection, logger: logger)
        }
    }

    /// Writes one audit row inside the caller's transaction.
    static func insertAudit(_ entry: AuditEntry, at instant: Date, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("""
            INSERT INTO audit_log (at, actor, request_id, operation, record_type, record_id, before, after)
            VALUES (\(instant), \(entry.actor), \(entry.requestId), \(entry.operation), \(entry.recordType),
                    \(entry.recordId), \(entry.before)::jsonb, \(entry.after)::jsonb)
            """, logger: logger)
    }

}

extension OrganisationRow {
    /// The columns of `organisation` in table order, as postgres-nio decodes them.
    typealias Columns = (String, String, String?, String?, String?, String?, Int)

    init(_ columns: Columns) {
        self.init(id: columns.0, kind: columns.1, nameFi: columns.2, nameSv: columns.3, nameEn: columns.4,
                  parentId: columns.5, version: columns.6)
    }
}
