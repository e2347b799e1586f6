import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL backend of the storage service: a postgres-nio connection pool on a migrated
/// database.
///
/// Several storage workers may serve one database at once: each change is one transaction,
/// concurrent changes of organisations are serialised by a table lock, imports of one plan by an
/// advisory lock on its id, and the primary key of
/// `processed_request` makes a request id apply once across workers.
///
/// The pool runs (`PostgresClient.run()`) for as long as this object lives, like the SQLite
/// backend's file lock; ``shutdown()`` stops it earlier.
final class PostgresBackend: StorageBackend {
    /// Where the database is and how to log in.
    let location: PostgresLocation
    /// The pool that serves requests.
    let client: PostgresClient
    let logger: Logger
    /// The task that runs `client.run()`.
    private let runner: Task<Void, Never>

    private init(location: PostgresLocation, client: PostgresClient, runner: Task<Void, Never>, logger: Logger) {
        self.location = location
        self.client = client
        self.runner = runner
        self.logger = logger
    }

    deinit {
        runner.cancel()
    }

    /// Logs in with one connection, runs the missing migrations, then starts the pool that serves
    /// requests; returns only once the database is ready.
    ///
    /// The pool runs in a task of its own because ``buildStorageRouter(configuration:logger:)``
    /// hands back a router only; the task ends with this object or ``shutdown()``.
    ///
    /// - Throws: ``StorageSetupError`` `cannot_connect` when the server cannot be reached or
    ///   refuses the login, `cannot_open_database` when a migration fails.
    static func connect(_ location: PostgresLocation, logger: Logger) async throws -> PostgresBackend {
        let migrations = try await migrate(location, logger: logger)
        let client = PostgresClient(configuration: location.clientConfiguration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        let backend = PostgresBackend(location: location, client: client, runner: runner, logger: logger)
        logger.info("storage database ready", metadata: [
            "backend": "postgresql",
            "database": "\(location.displayName)",
            "schema": "\(migrations)",
        ])
        return backend
    }

    /// Stops the pool and closes its connections; requests after this fail.
    func shutdown() async {
        runner.cancel()
        await runner.value
    }

    private static func migrate(_ location: PostgresLocation, logger: Logger) async throws -> [String] {
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: try location.connectionConfiguration(),
                                                              id: 0, logger: logger)
        } catch let error as StorageSetupError {
            throw error
        } catch {
            throw StorageSetupError(code: "cannot_connect",
                                    message: "cannot connect to the PostgreSQL database \(location.displayName) "
                                        + "as '\(location.username)': \(describe(error))")
        }
        do {
            let applied = try await PostgresSchema.migrate(connection, logger: logger)
            try? await connection.close()
            return applied
        } catch {
            try? await connection.close()
            throw StorageSetupError(code: "cannot_open_database",
                                    message: "cannot migrate the PostgreSQL database \(location.displayName): \(describe(error))")
        }
    }

    /// The server's message and SQLSTATE when there is one; the error otherwise.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                let state = error.serverInfo?[.sqlState].map { " (SQLSTATE \($0))" } ?? ""
                return message + state
            }
            if let underlying = error.underlying {
                return "\(error.code): \(underlying)"
            }
            return "\(error.code)"
        }
        return "\(error)"
    }

    /// Runs `body`, turning postgres-nio's errors into a ``StorageDataError`` that names the
    /// database and the server's reason: the log says what went wrong, the reply stays a plain 500.
    func reportingDatabaseErrors<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PSQLError {
            throw StorageDataError("PostgreSQL database \(location.displayName): \(Self.describe(error))")
        }
    }

    /// The facts `health` reports; bounded by `timeout` so that an unreachable database makes
    /// `status` say so instead of holding the reply.
    func healthDetails() async -> [String: String] {
        await healthDetails(timeout: .seconds(5))
    }

    func healthDetails(timeout: Duration) async -> [String: String] {
        var details = ["backend": "postgresql", "database": location.displayName]
        let facts = await withTaskGroup(of: Result<HealthFacts, any Error>?.self) { group in
            group.addTask { [self] in
                do {
                    return .success(try await healthFacts())
                } catch {
                    return .failure(error)
                }
            }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first
        }
        switch facts {
        case .success(let facts):
            details["schemaVersion"] = facts.migrations.joined(separator: ",")
            details["organisations"] = String(facts.organisations)
            details["serverVersion"] = facts.serverVersion
        case .failure(let error):
            details["status"] = "database unreadable: \(Self.describe(error))"
        case nil:
            details["status"] = "database did not answer within \(timeout)"
        }
        return details
    }

    private struct HealthFacts: Sendable {
        var migrations: [String]
        var organisations: Int
        var serverVersion: String
    }

    private func healthFacts() async throws -> HealthFacts {
        try await client.withConnection { connection in
            let migrations = try await PostgresSchema.appliedMigrations(connection, logger: logger)
            let organisations = try await connection.query("SELECT count(*) FROM organisation", logger: logger)
                .collect().first?.decode(Int.self) ?? 0
            let serverVersion = try await connection.query("SHOW server_version", logger: logger)
                .collect().first?.decode(String.self) ?? "unknown"
            return HealthFacts(migrations: migrations, organisations: organisations, serverVersion: serverVersion)
        }
    }
}
