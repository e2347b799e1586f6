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
                #expect(health.details["schemaVersion"] == "v1")
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

    @Test func postgresIsNotAvailableYet() async throws {
        let error = await #expect(throws: StorageSetupError.self) {
            try await buildStorageRouter(configuration: StorageConfiguration(databaseURL: "postgres://hyte@db/hyte"),
                                         logger: testLogger)
        }
        #expect(error?.code == "postgres_not_available")
        #expect(error?.message.contains("PostgreSQL backend is not available in this version yet") == true)
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
