import GRDB

/// The participation tables on SQLite (migration v3) and PostgreSQL.
///
/// `participation_record` holds the documents. The survey tables below it carry no time, no
/// autoincrement and (on SQLite) no `rowid`: they are `WITHOUT ROWID` tables keyed by survey and
/// hash, request id or random response id, so the order of inserts cannot link a used token to the
/// response it answered.
enum ParticipationSchema {
    static func createSQLite(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE participation_record (
                kind TEXT NOT NULL,
                parent TEXT NOT NULL,
                id TEXT NOT NULL,
                position INTEGER NOT NULL,
                document TEXT NOT NULL,
                PRIMARY KEY (kind, parent, id)
            );
            CREATE INDEX participation_record_on_position ON participation_record (kind, parent, position);
            CREATE TABLE survey_response (
                survey_id TEXT NOT NULL,
                id TEXT NOT NULL,
                respondent TEXT,
                answers TEXT NOT NULL,
                PRIMARY KEY (survey_id, id)
            ) WITHOUT ROWID;
            CREATE TABLE survey_token_unused (
                survey_id TEXT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (survey_id, hash)
            ) WITHOUT ROWID;
            CREATE TABLE survey_token_used (
                survey_id TEXT NOT NULL,
                hash TEXT NOT NULL,
                PRIMARY KEY (survey_id, hash)
            ) WITHOUT ROWID;
            CREATE TABLE survey_applied_request (
                survey_id TEXT NOT NULL,
                request_id TEXT NOT NULL,
                PRIMARY KEY (survey_id, request_id)
            ) WITHOUT ROWID;
            """)
    }

    /// The same tables on PostgreSQL.
    static let postgresStatements: [String] = [
        """
        CREATE TABLE participation_record (
            kind text NOT NULL,
            parent text NOT NULL,
            id text NOT NULL,
            position bigint NOT NULL,
            document text NOT NULL,
            PRIMARY KEY (kind, parent, id)
        )
        """,
        "CREATE INDEX participation_record_on_position ON participation_record (kind, parent, position)",
        """
        CREATE TABLE survey_response (
            survey_id text NOT NULL,
            id text NOT NULL,
            respondent text,
            answers text NOT NULL,
            PRIMARY KEY (survey_id, id)
        )
        """,
        "CREATE TABLE survey_token_unused (survey_id text NOT NULL, hash text NOT NULL, PRIMARY KEY (survey_id, hash))",
        "CREATE TABLE survey_token_used (survey_id text NOT NULL, hash text NOT NULL, PRIMARY KEY (survey_id, hash))",
        """
        CREATE TABLE survey_applied_request (
            survey_id text NOT NULL, request_id text NOT NULL, PRIMARY KEY (survey_id, request_id)
        )
        """,
    ]
}
