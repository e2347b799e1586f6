import Foundation
import Logging
import PostgresNIO

/// Where the PostgreSQL database lives and how to log in, parsed from a
/// ``StorageConfiguration/databaseURL`` of the form
/// `postgres://USER:PASSWORD@HOST:PORT/DATABASE?sslmode=MODE`.
///
/// The port defaults to 5432. User and password may be percent-encoded. `sslmode` is `disable`,
/// `prefer` or `require`; without it, TLS is off for a loopback host (`127.0.0.1`, `::1`,
/// `localhost`) and preferred for any other.
struct PostgresLocation: Sendable, Hashable {
    /// How the connection uses TLS.
    enum TLSMode: String, Sendable, Hashable {
        case disable, prefer, require
    }

    var host: String
    var port: Int
    var username: String
    var password: String?
    var database: String
    var tlsMode: TLSMode

    /// The database without credentials, for logs and `health`: `HOST:PORT/DATABASE`.
    var displayName: String {
        let shownHost = host.contains(":") ? "[\(host)]" : host
        return "\(shownHost):\(port)/\(database)"
    }

    /// Parses `url`; throws ``StorageSetupError`` `unsupported_url` naming what is missing.
    init(url: String) throws(StorageSetupError) {
        // Accept `postgresql://` as well; the parser needs a scheme it does not treat specially.
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              scheme == "postgres" || scheme == "postgresql" else {
            throw .invalidPostgresURL(url, problem: "it does not parse as a URL")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalidPostgresURL(url, problem: "the host is missing")
        }
        guard let username = components.user, !username.isEmpty else {
            throw .invalidPostgresURL(url, problem: "the user is missing")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard !database.isEmpty, !database.contains("/") else {
            throw .invalidPostgresURL(url, problem: "the database name is missing")
        }
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        self.port = components.port ?? 5432
        self.username = username
        self.password = components.password
        self.database = database.removingPercentEncoding ?? database

        let isLoopback = ["127.0.0.1", "::1", "localhost"].contains(self.host.lowercased())
        var tlsMode: TLSMode = isLoopback ? .disable : .prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                guard let value = item.value, let mode = TLSMode(rawValue: value) else {
                    throw .invalidPostgresURL(url, problem: "sslmode must be disable, prefer or require")
                }
                tlsMode = mode
            default:
                throw .invalidPostgresURL(url, problem: "the parameter '\(item.name)' is not known; only sslmode is")
            }
        }
        self.tlsMode = tlsMode
    }

    /// The TLS setting of postgres-nio for ``tlsMode``.
    var tls: PostgresClient.Configuration.TLS {
        switch tlsMode {
        case .disable: .disable
        case .prefer: .prefer(.makeClientConfiguration())
        case .require: .require(.makeClientConfiguration())
        }
    }

    /// The configuration of the connection pool that serves requests.
    var clientConfiguration: PostgresClient.Configuration {
        PostgresClient.Configuration(host: host, port: port, username: username, password: password,
                                     database: database, tls: tls)
    }

    /// The configuration of the single connection that checks the login and runs migrations.
    func connectionConfiguration() throws(StorageSetupError) -> PostgresConnection.Configuration {
        let connectionTLS: PostgresConnection.Configuration.TLS
        do {
            switch tlsMode {
            case .disable: connectionTLS = .disable
            case .prefer: connectionTLS = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: connectionTLS = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw StorageSetupError(code: "cannot_connect",
                                    message: "cannot set up TLS for the PostgreSQL database \(displayName): \(error)")
        }
        return PostgresConnection.Configuration(host: host, port: port, username: username, password: password,
                                                database: database, tls: connectionTLS)
    }
}

extension PostgresLocation {
    /// Runs one statement that cannot run in a transaction (e.g. `CREATE DATABASE`) on a
    /// connection of its own, then closes it. `sql` is sent as it is: never pass input from the
    /// wire.
    func executeAlone(_ sql: String, logger: Logger) async throws {
        let connection = try await PostgresConnection.connect(configuration: try connectionConfiguration(),
                                                              id: 0, logger: logger)
        do {
            try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
