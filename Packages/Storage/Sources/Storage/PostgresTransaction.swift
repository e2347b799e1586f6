import Logging
import PostgresNIO

/// A transaction on one PostgreSQL connection that rethrows the body's own error.
///
/// postgres-nio's `withTransaction` wraps every error in `PostgresTransactionError`; the storage
/// service needs the `ServiceError` a body throws (a 400 stays a 400), so it runs
/// `BEGIN`/`COMMIT`/`ROLLBACK` itself.
enum PostgresTransaction {
    /// Runs `body` between `BEGIN` and `COMMIT`; rolls back and rethrows when `body` throws.
    static func run<Result: Sendable>(
        on connection: PostgresConnection, logger: Logger,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (PostgresConnection) async throws -> Result
    ) async throws -> Result {
        try await connection.query("BEGIN", logger: logger)
        let result: Result
        do {
            result = try await body(connection)
        } catch {
            do {
                try await connection.query("ROLLBACK", logger: logger)
            } catch let rollbackError {
                logger.warning("rollback failed", metadata: ["error": "\(String(reflecting: rollbackError))"])
            }
            throw error
        }
        try await connection.query("COMMIT", logger: logger)
        return result
    }
}
