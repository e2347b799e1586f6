import BusCore
import BusTesting
import Foundation
import Model
import Testing
@testable import Storage

@Suite struct StorageSetupTests {
    @Test func secondRouterOnTheSameFileIsRefused() async throws {
        try await withTemporaryDirectory { directory in
            let configuration = StorageConfiguration(databaseURL: "sqlite://\(directory)/hyte.sqlite")
            let first = try await buildStorageRouter(configuration: configuration, logger: testLogger)

            let error = await #expect(throws: StorageSetupError.self) {
                try await buildStorageRouter(configuration: configuration, logger: testLogger)
            }
            let pid = ProcessInfo.processInfo.processIdentifier
            #expect(error?.code == "database_in_use")
            #expect(error?.message.contains("another hyte-storage (pid \(pid)) already serves the database file \(directory)/hyte.sqlite") == true)
            #expect(error?.message.contains("only one storage worker may run on SQLite") == true)

            // The first one still serves.
            let bus = InMemoryBus()
            bus.register(first)
            let list = try await bus.call(StorageContracts.ListOrganisations.self, Empty(), headers: RequestHeaders(requestId: "r1"))
            #expect(list.organisations.isEmpty)
        }
    }

    @Test func lockIsReleasedWithTheRouterAndDataPersists() async throws {
        try await withTemporaryDirectory { directory in
            let configuration = StorageConfiguration(databaseURL: "sqlite://\(directory)/hyte.sqlite")
            func serve(_ body: (InMemoryBus) async throws -> Void) async throws {
                let bus = InMemoryBus()
                bus.register(try await buildStorageRouter(configuration: configuration, logger: testLogger))
                try await body(bus)
            }
            try await serve { bus in
                let reply = try await bus.call(StorageContracts.UpsertOrganisations.self, .init(organisations: [Sample.loviisa]),
                                               headers: RequestHeaders(requestId: "r1"))
                #expect(reply.created == 1)
            }
            try await serve { bus in
                let list = try await bus.call(StorageContracts.ListOrganisations.self, Empty(), headers: RequestHeaders(requestId: "r2"))
                #expect(list.organisations == [Sample.loviisa])
                let health = try await bus.health(of: ServiceName.storage)
                #expect(health.details["schemaVersion"] == "v1,v2,v3,v4,v5")
            }
        }
    }

    @Test func createsMissingParentDirectories() async throws {
        try await withTemporaryDirectory { directory in
            let path = "\(directory)/deep/er/hyte.sqlite"
            let router = try await buildStorageRouter(configuration: StorageConfiguration(databaseURL: "sqlite://\(path)"),
                                                      logger: testLogger)
            #expect(router.service == ServiceName.storage)
            #expect(FileManager.default.fileExists(atPath: path))
            let lock = FileManager.default.contents(atPath: path + ".lock").map { String(decoding: $0, as: UTF8.self) }
            #expect(lock == "\(ProcessInfo.processInfo.processIdentifier)\n")
        }
    }

    @Test func relativePathsResolveAgainstTheWorkingDirectory() throws {
        let location = try DatabaseLocation(url: "sqlite://.hyte/../data/hyte.sqlite", currentDirectory: "/srv/hyte")
        #expect(location.path == "/srv/hyte/data/hyte.sqlite")
        #expect(location.lockPath == "/srv/hyte/data/hyte.sqlite.lock")
        #expect(try DatabaseLocation(url: "sqlite:///var/lib/hyte.sqlite", currentDirectory: "/srv").path == "/var/lib/hyte.sqlite")
    }

    @Test func postgresURLsNameHostPortUserAndDatabase() throws {
        let remote = try PostgresLocation(url: "postgres://hyte:s%40cret@db.example.org/hyte")
        #expect(remote.host == "db.example.org")
        #expect(remote.port == 5432)
        #expect(remote.username == "hyte")
        #expect(remote.password == "s@cret")
        #expect(remote.database == "hyte")
        #expect(remote.tlsMode == .prefer)
        #expect(remote.displayName == "db.example.org:5432/hyte")

        let local = try PostgresLocation(url: "postgresql://hyte:pw@127.0.0.1:6543/hyte_test")
        #expect(local.port == 6543)
        #expect(local.tlsMode == .disable)
        #expect(try PostgresLocation(url: "postgres://hyte:pw@db/hyte?sslmode=require").tlsMode == .require)
        #expect(try PostgresLocation(url: "postgres://hyte@localhost/hyte").password == nil)

        guard case .postgres(let parsed) = try DatabaseURL("POSTGRES://hyte:pw@db:5433/hyte") else {
            Issue.record("a postgres URL was not taken for PostgreSQL")
            return
        }
        #expect(parsed.port == 5433)
    }

    @Test(arguments: [
        ("postgres://db.example.org/hyte", "the user is missing"),
        ("postgres://hyte:secret@db.example.org", "the database name is missing"),
        ("postgres://hyte:secret@db.example.org/hyte?sslmode=maybe", "sslmode must be disable, prefer or require"),
        ("postgres://hyte:secret@db.example.org/hyte?schema=x", "the parameter 'schema' is not known"),
    ])
    func incompletePostgresURLsAreRefusedWithoutThePassword(_ url: String, problem: String) async throws {
        let error = await #expect(throws: StorageSetupError.self) {
            try await buildStorageRouter(configuration: StorageConfiguration(databaseURL: url), logger: testLogger)
        }
        #expect(error?.code == "unsupported_url")
        #expect(error?.message.contains(problem) == true, "got: \(error?.message ?? "no error")")
        #expect(error?.message.contains("postgres://USER:PASSWORD@HOST:PORT/DATABASE") == true)
        #expect(error?.message.contains("secret") == false)
    }

    @Test(arguments: ["mysql://db/hyte", "hyte.sqlite", "sqlite://", "file:///tmp/hyte.sqlite"])
    func otherURLsAreRefusedWithTheAcceptedForms(_ url: String) async throws {
        let error = await #expect(throws: StorageSetupError.self) {
            try await buildStorageRouter(configuration: StorageConfiguration(databaseURL: url), logger: testLogger)
        }
        #expect(error?.code == "unsupported_url")
        #expect(error?.message.contains("'\(url)'") == true)
        #expect(error?.message.contains("sqlite://PATH") == true)
    }
}
