import GRDB

/// The upload tables and the staging locations (migration v5): a file uploaded in chunks that
/// every storage worker reads from the database, with the import's progress, and the line (or
/// JSON path) of every staged value so that a duplicate is found by the staging table's key. It
/// also drops v4's `plan_indicator_link`: an item's indicators are kept in the plan document.
enum IndicatorUploadSchema {
    static func createSQLite(_ db: Database) throws {
        for statement in statements(blob: "BLOB", timestamp: "TEXT") {
            try db.execute(sql: statement)
        }
    }

    /// The same tables on PostgreSQL.
    static let postgresStatements: [String] = statements(blob: "bytea", timestamp: "timestamptz")

    private static func statements(blob: String, timestamp: String) -> [String] {
        [
            """
            CREATE TABLE upload (
                id text PRIMARY KEY,
                file_name text NOT NULL,
                size bigint NOT NULL CHECK (size >= 0),
                actor text NOT NULL,
                created_at \(timestamp) NOT NULL,
                parsed_bytes bigint NOT NULL DEFAULT 0,
                staged_values bigint NOT NULL DEFAULT 0
            )
            """,
            "CREATE INDEX upload_on_created_at ON upload (created_at)",
            """
            CREATE TABLE upload_chunk (
                upload_id text NOT NULL REFERENCES upload (id) ON DELETE CASCADE,
                seq integer NOT NULL CHECK (seq >= 0),
                byte_offset bigint NOT NULL CHECK (byte_offset >= 0),
                size integer NOT NULL,
                data \(blob) NOT NULL,
                PRIMARY KEY (upload_id, seq)
            )
            """,
            "CREATE INDEX upload_chunk_on_offset ON upload_chunk (upload_id, byte_offset)",
            "ALTER TABLE indicator_import_row ADD COLUMN line integer",
            "ALTER TABLE indicator_import_row ADD COLUMN location text",
            // Links of plan items to indicators belong to the plan document (an item's `indicators`);
            // the separate link table of v4 was never read and goes.
            "DROP TABLE plan_indicator_link",
        ]
    }

    /// Where a staged value was read, as the text a message shows: `line 12` or a JSON path.
    static func location(line: Int?, path: String?) -> String {
        line.map { "line \($0)" } ?? path ?? ""
    }
}
