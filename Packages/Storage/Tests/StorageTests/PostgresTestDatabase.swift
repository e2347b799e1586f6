import Foundation
import Logging
import Testing
@testable import Storage

/// The PostgreSQL server the tests may use: `HYTE_TEST_POSTGRES_URL`, which
/// `tools/with-postgres.sh` sets for a throwaway server.
enum PostgresTestServer {
    static let variable = "HYTE_TEST_POSTGRES_URL"

    static let missingMessage = "\(variable) is not set, so the PostgreSQL cases cannot run: run the tests through "
        + "tools/with-postgres.sh (e.g. `bash tools/with-postgres.sh swift test --skip-build --filter StorageTests`), "
        + "which starts a throwaway PostgreSQL 15 and sets it"

    /// Why a PostgreSQL case could not run where it must (in CI).
    struct Unavailable: Error, CustomStringConvertible {
        var description: String
    }

    /// The server's URL. Without one, the current test case is skipped with the reason on a
    /// developer's machine and fails in CI (`CI=true`).
    static func url() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment[variable], !url.isEmpty { return url }
        if environment["CI"] == "true" {
            throw Unavailable(description: missingMessage)
        }
        try Test.cancel(Comment(rawValue: missingMessage))
    }

    /// The server's location; the database in it is where fresh test databases are created from.
    static func location() throws -> PostgresLocation {
        try PostgresLocation(url: try url())
    }
}

/// Runs `body` with a fresh, empty PostgreSQL database on the test server, dropped afterwards.
func withPostgresDatabase<T>(_ body: (PostgresLocation) async throws -> T) async throws -> T {
    let server = try PostgresTestServer.location()
    let name = "hyte_test_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    try await server.executeAlone("CREATE DATABASE \(name)", logger: testLogger)
    var location = server
    location.database = name
    do {
        let result = try await body(location)
        try await server.executeAlone("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", logger: testLogger)
        return result
    } catch {
        try? await server.executeAlone("DROP DATABASE IF EXISTS \(name) WITH (FORCE)", logger: testLogger)
        throw error
    }
}
