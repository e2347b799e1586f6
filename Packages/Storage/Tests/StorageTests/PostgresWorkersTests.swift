import BusCore
import BusTesting
import Foundation
import Model
import Testing
@testable import Storage

/// Several storage workers on one PostgreSQL database, as behind the broker in a region.
@Suite struct PostgresWorkersTests {
    /// Two routers built at once (so their migrations race) on a fresh database, each behind its
    /// own in-memory bus, plus a backend of the test's own to look at the audit log.
    private func withTwoWorkers(_ body: (InMemoryBus, InMemoryBus, PostgresBackend) async throws -> Void) async throws {
        try await withPostgresDatabase { location in
            let url = try Self.url(of: location)
            let configuration = StorageConfiguration(databaseURL: url)
            async let first = buildStorageRouter(configuration: configuration, logger: testLogger)
            async let second = buildStorageRouter(configuration: configuration, logger: testLogger)
            let workerA = InMemoryBus()
            workerA.register(try await first)
            let workerB = InMemoryBus()
            workerB.register(try await second)
            let observer = try await PostgresBackend.connect(location, logger: testLogger)
            do {
                try await body(workerA, workerB, observer)
                await observer.shutdown()
            } catch {
                await observer.shutdown()
                throw error
            }
        }
    }

    /// The test server's URL with `location`'s database.
    private static func url(of location: PostgresLocation) throws -> String {
        var components = try #require(URLComponents(string: try PostgresTestServer.url()))
        components.path = "/" + location.database
        return try #require(components.string)
    }

    private static func unit(_ index: Int, worker: String) -> Organisation {
        Organisation(id: "kymsote.\(worker).\(index)", kind: .unit, name: LocalizedText(fi: "Yksikkö \(worker) \(index)"),
                     parentId: "kymsote")
    }

    @Test func concurrentUpsertsOnTwoWorkersAllApplyAndBothSeeThem() async throws {
        try await withTwoWorkers { workerA, workerB, observer async throws in
            #expect(try await workerA.upsert([Sample.kymsote]) == .init(created: 1, updated: 0, unchanged: 0))
            let count = 8
            let replies = try await withThrowingTaskGroup(of: StorageContracts.UpsertOrganisations.Response.self) { group in
                for index in 0..<count {
                    group.addTask { try await workerA.upsert([Self.unit(index, worker: "a")]) }
                    group.addTask { try await workerB.upsert([Self.unit(index, worker: "b")]) }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(replies.count == 2 * count)
            #expect(replies.allSatisfy { $0 == .init(created: 1, updated: 0, unchanged: 0) })

            let expected = (["kymsote"] + (0..<count).flatMap { ["kymsote.a.\($0)", "kymsote.b.\($0)"] }).sorted()
            #expect(try await workerA.listOrganisations().map(\.id) == expected)
            #expect(try await workerB.listOrganisations().map(\.id) == expected)
            #expect(try await workerB.health(of: ServiceName.storage).details["organisations"] == String(expected.count))
            #expect(try await observer.auditEntries().count == expected.count)
        }
    }

    @Test func sameRequestIdOnBothWorkersAtOnceAppliesOnce() async throws {
        try await withTwoWorkers { workerA, workerB, observer async throws in
            _ = try await workerA.upsert([Sample.kymsote], requestId: "setup")
            for round in 0..<5 {
                let batch = [Sample.kotka, Sample.hamina, Self.unit(round, worker: "dup")]
                let requestId = "import-\(round)"
                async let fromA = workerA.upsert(batch, requestId: requestId)
                async let fromB = workerB.upsert(batch, requestId: requestId)
                let (replyA, replyB) = try await (fromA, fromB)
                let expected: StorageContracts.UpsertOrganisations.Response = round == 0
                    ? .init(created: 3, updated: 0, unchanged: 0) : .init(created: 1, updated: 0, unchanged: 2)
                #expect(replyA == expected, "round \(round)")
                #expect(replyB == expected, "round \(round)")
                let audit = try await observer.auditEntries().filter { $0.requestId == requestId }
                #expect(audit.count == expected.created, "round \(round)")
            }
            #expect(try await workerB.listOrganisations().count == 1 + 2 + 5)
        }
    }

    @Test func aRefusedRequestOnOneWorkerLeavesItsIdFreeForTheOther() async throws {
        try await withTwoWorkers { workerA, workerB, observer async throws in
            let orphan = Organisation(id: "x", kind: .unit, name: LocalizedText(fi: "X"), parentId: "missing")
            let error = await #expect(throws: ServiceCallError.self) {
                try await workerA.upsert([orphan], requestId: "r-1")
            }
            #expect(error?.status == 400)
            #expect(try await workerB.upsert([Sample.loviisa], requestId: "r-1") == .init(created: 1, updated: 0, unchanged: 0))
            #expect(try await workerA.upsert([Sample.loviisa, Sample.perusturva], requestId: "r-1")
                    == .init(created: 1, updated: 0, unchanged: 0))
            #expect(try await observer.auditEntries().map(\.recordId) == ["loviisa"])
        }
    }

    @Test func aWrongPasswordIsRefusedWithTheDatabaseNamed() async throws {
        var location = try PostgresTestServer.location()
        location.password = "not-the-password"
        let error = await #expect(throws: StorageSetupError.self) {
            try await PostgresBackend.connect(location, logger: testLogger)
        }
        #expect(error?.code == "cannot_connect")
        #expect(error?.message.contains(location.displayName) == true, "got: \(error?.message ?? "no error")")
        #expect(error?.message.contains("not-the-password") == false)
    }

    @Test func healthNamesTheProblemWhenTheDatabaseIsGone() async throws {
        let server = try PostgresTestServer.location()
        try await withPostgresDatabase { location in
            let backend = try await PostgresBackend.connect(location, logger: testLogger)
            #expect(await backend.healthDetails()["organisations"] == "0")
            try await server.executeAlone("DROP DATABASE \(location.database) WITH (FORCE)", logger: testLogger)
            let clock = ContinuousClock()
            let started = clock.now
            let details = await backend.healthDetails(timeout: .seconds(2))
            #expect(clock.now - started < .seconds(4))
            #expect(details["status"]?.isEmpty == false, "got: \(details)")
            #expect(details["organisations"] == nil)
            #expect(details["backend"] == "postgresql")
            await backend.shutdown()
        }
    }
}
