import Logging
import PostgresNIO

/// The versioned schema of the storage database on PostgreSQL: the same tables as
/// ``StorageSchema`` (SQLite), in PostgreSQL types.
///
/// Applied migrations are rows of `schema_migrations`. Migrations are applied in order, in one
/// transaction under an advisory lock so that workers starting at once do not race, and are
/// never edited once released; a change is a new migration.
enum PostgresSchema {
    /// One migration: an identifier and its statements.
    struct Migration: Sendable {
        var identifier: String
        var statements: [String]
    }

    /// The key of the advisory lock held while migrating (any constant of our own).
    static let migrationLockKey: Int64 = 0x4879_7465_5354_4F52

    /// Every migration, in the order they apply.
    static let migrations: [Migration] = [
        Migration(identifier: "v1", statements: [
            """
            CREATE TABLE organisation (
                id text PRIMARY KEY,
                kind text NOT NULL CHECK (kind IN (\(StorageSchema.organisationKinds.map { "'\($0)'" }.joined(separator: ", ")))),
                name_fi text,
                name_sv text,
                name_en text,
                parent_id text REFERENCES organisation (id) DEFERRABLE INITIALLY DEFERRED,
                version integer NOT NULL CHECK (version >= 1)
            )
            """,
            "CREATE INDEX organisation_on_parent_id ON organisation (parent_id)",
            """
            CREATE TABLE processed_request (
                request_id text PRIMARY KEY,
                operation text NOT NULL,
                reply text NOT NULL,
                created_at timestamptz NOT NULL
            )
            """,
            """
            CREATE TABLE audit_log (
                id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at timestamptz NOT NULL,
                actor text NOT NULL,
                request_id text,
                operation text NOT NULL,
                record_type text NOT NULL,
                record_id text NOT NULL,
                before jsonb,
                after jsonb
            )
            """,
            "CREATE INDEX audit_log_on_record ON audit_log (record_type, record_id)",
        ]),
        Migration(identifier: "v2", statements: [
            // The document is canonical JSON kept as text, so that it compares byte for byte.
            """
            CREATE TABLE plan (
                id text PRIMARY KEY,
                version integer NOT NULL CHECK (version >= 1),
                document text NOT NULL,
                updated_at timestamptz NOT NULL
            )
            """,
            """
            CREATE TABLE status_report (
                seq bigserial PRIMARY KEY,
                plan_id text NOT NULL REFERENCES plan (id),
                item text NOT NULL,
                period text NOT NULL,
                status text NOT NULL,
                report text NOT NULL,
                reported_at timestamptz,
                reporter text,
                request_id text
            )
            """,
            "CREATE INDEX status_report_on_plan ON status_report (plan_id, item, period)",
        ]),
        Migration(identifier: "v3", statements: ParticipationSchema.postgresStatements),
        Migration(identifier: "v4", statements: IndicatorSchema.postgresStatements),
        Migration(identifier: "v5", statements: IndicatorUploadSchema.postgresStatements),
    ]

    /// Applies the migrations that `connection`'s database lacks; returns every applied identifier.
    static func migrate(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        try await PostgresTransaction.run(on: connection, logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))", logger: logger)
            try await connection.query("""
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    version text PRIMARY KEY,
                    applied_at timestamptz NOT NULL DEFAULT now()
                )
                """, logger: logger)
            var applied = try await appliedMigrations(connection, logger: logger)
            for migration in migrations where !applied.contains(migration.identifier) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query("INSERT INTO schema_migrations (version) VALUES (\(migration.identifier))",
                                           logger: logger)
                applied.append(migration.identifier)
                logger.info("storage migration applied", metadata: ["migration": "\(migration.identifier)"])
            }
            return applied
        }
    }

    /// The identifiers of the applied migrations, in the order they were applied.
    static func appliedMigrations(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        var identifiers: [String] = []
        let rows = try await connection.query("SELECT version FROM schema_migrations ORDER BY applied_at, version",
                                              logger: logger)
        for try await identifier in rows.decode(String.self) {
            identifiers.append(identifier)
        }
        return identifiers
    }
}
