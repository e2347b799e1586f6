import GRDB

/// The versioned schema of the storage database on SQLite (``PostgresSchema`` holds the same
/// tables for PostgreSQL).
///
/// Migrations are applied in order and never edited once released; a change is a new migration.
enum StorageSchema {
    /// The organisation kinds the `kind` column accepts; kept in step with `OrganisationKind`.
    static let organisationKinds = ["region", "municipality", "department", "unit", "partner"]

    /// Every migration, in the order they apply.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try createOrganisation(db)
            try createProcessedRequest(db)
            try createAuditLog(db)
        }
        migrator.registerMigration("v2") { db in
            try createPlan(db)
            try createStatusReport(db)
        }
        migrator.registerMigration("v3") { db in
            try ParticipationSchema.createSQLite(db)
        }
        migrator.registerMigration("v4") { db in
            try IndicatorSchema.createSQLite(db)
        }
        migrator.registerMigration("v5") { db in
            try IndicatorUploadSchema.createSQLite(db)
        }
        return migrator
    }

    private static func createOrganisation(_ db: Database) throws {
        let kinds = organisationKinds.map { "'\($0)'" }.joined(separator: ", ")
        try db.create(table: "organisation") { t in
            t.primaryKey("id", .text)
            t.column("kind", .text).notNull().check(sql: "kind IN (\(kinds))")
            t.column("name_fi", .text)
            t.column("name_sv", .text)
            t.column("name_en", .text)
            // Deferred so that one transaction may insert a child before its parent.
            t.column("parent_id", .text).indexed().references("organisation", deferred: true)
            t.column("version", .integer).notNull().check(sql: "version >= 1")
        }
    }

    private static func createProcessedRequest(_ db: Database) throws {
        try db.create(table: "processed_request") { t in
            t.primaryKey("request_id", .text)
            t.column("operation", .text).notNull()
            t.column("reply", .text).notNull()
            t.column("created_at", .text).notNull()
        }
    }

    private static func createAuditLog(_ db: Database) throws {
        try db.create(table: "audit_log") { t in
            t.autoIncrementedPrimaryKey("id")
            t.column("at", .text).notNull()
            t.column("actor", .text).notNull()
            t.column("request_id", .text)
            t.column("operation", .text).notNull()
            t.column("record_type", .text).notNull()
            t.column("record_id", .text).notNull()
            t.column("before", .jsonText)
            t.column("after", .jsonText)
        }
        try db.create(index: "audit_log_on_record", on: "audit_log", columns: ["record_type", "record_id"])
    }

    /// A plan's document without status reports and without `plan.version`, as canonical JSON.
    private static func createPlan(_ db: Database) throws {
        try db.create(table: "plan") { t in
            t.primaryKey("id", .text)
            t.column("version", .integer).notNull().check(sql: "version >= 1")
            t.column("document", .jsonText).notNull()
            t.column("updated_at", .text).notNull()
        }
    }

    /// Every status report ever added; the current one per plan, item and period has the highest seq.
    private static func createStatusReport(_ db: Database) throws {
        try db.create(table: "status_report") { t in
            t.autoIncrementedPrimaryKey("seq")
            t.column("plan_id", .text).notNull().references("plan")
            t.column("item", .text).notNull()
            t.column("period", .text).notNull()
            t.column("status", .text).notNull()
            t.column("report", .jsonText).notNull()
            t.column("reported_at", .text)
            t.column("reporter", .text)
            t.column("request_id", .text)
        }
        try db.create(index: "status_report_on_plan", on: "status_report", columns: ["plan_id", "item", "period"])
    }
}
