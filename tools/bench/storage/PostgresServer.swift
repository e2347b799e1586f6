import Foundation
import Logging
import PostgresNIO

/// The PostgreSQL server of `HYTE_TEST_POSTGRES_URL`, on which the benchmark creates its own
/// fresh databases.
struct PostgresServer {
    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String

    init(url: String) throws {
        guard let components = URLComponents(string: url), let host = components.host, let username = components.user else {
            throw BenchError("'\(url)' is not a postgres://USER:PASSWORD@HOST:PORT/DATABASE address")
        }
        self.host = host
        port = components.port ?? 5432
        self.username = username
        password = components.password
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = path.isEmpty ? "postgres" : path
    }

    func configuration(database: String) -> PostgresConnection.Configuration {
        PostgresConnection.Configuration(host: host, port: port, username: username, password: password,
                                         database: database, tls: .disable)
    }

    /// The `HYTE_DATABASE_URL` of one database on this server.
    func url(database: String) -> String {
        var components = URLComponents()
        components.scheme = "postgres"
        components.host = host
        components.port = port
        components.user = username
        components.password = password
        components.path = "/" + database
        return components.string! + "?sslmode=disable"
    }

    /// Runs `CREATE DATABASE` (or another statement that takes no parameters) on the server's
    /// own database.
    func execute(_ sql: String, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(configuration: configuration(database: database), id: 1,
                                                              logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
        } catch {
            try? await connection.close()
            throw error
        }
        try await connection.close()
    }
}
