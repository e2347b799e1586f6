import BusCore
import BusZMQ
import Foundation
import Logging
import Model

/// Both paths on one backend: a broker and `hyte-storage` as child processes, `plan.import`
/// through the bus into one fresh database, and the raw insert into another.
struct StorageRun {
    var document: PlanDocument
    var rows: PlanRows
    var rowCount: Int
    var timeout: Duration
    var logger: Logger

    func sqlite() async throws -> [Measurement] {
        let directory = NSTemporaryDirectory() + "hyte-bench-storage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let rawPath = "\(directory)/raw/hyte.sqlite"
        return try await measure(backend: "SQLite", importURL: "sqlite://\(directory)/import/hyte.sqlite",
                                 rawURL: "sqlite://\(rawPath)", directory: directory) {
            try RawInsert.sqlite(path: rawPath, rows: rows)
        }
    }

    func postgres(server: PostgresServer) async throws -> [Measurement] {
        let directory = NSTemporaryDirectory() + "hyte-bench-storage-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let prefix = "hyte_bench_" + UUID().uuidString.prefix(8).lowercased()
        let importDatabase = prefix + "_import", rawDatabase = prefix + "_raw"
        try await server.execute("CREATE DATABASE \(importDatabase)", logger: logger)
        try await server.execute("CREATE DATABASE \(rawDatabase)", logger: logger)
        let results = try await measure(backend: "PostgreSQL", importURL: server.url(database: importDatabase),
                                        rawURL: server.url(database: rawDatabase), directory: directory) {
            try await RawInsert.postgres(server.configuration(database: rawDatabase), rows: rows, logger: logger)
        }
        try? await server.execute("DROP DATABASE \(importDatabase)", logger: logger)
        try? await server.execute("DROP DATABASE \(rawDatabase)", logger: logger)
        return results
    }

    private func measure(backend: String, importURL: String, rawURL: String, directory: String,
                         raw: () async throws -> Void) async throws -> [Measurement] {
        let endpoint = "tcp://127.0.0.1:\(freePort())"
        let base = ["HYTE_BUS": endpoint, "HYTE_HEARTBEAT_MS": "500"]
        let broker = try ChildProcess("hyte-broker", environment: base.merging(["HYTE_DATA_DIR": "\(directory)/broker"]) { $1 })
        defer { broker.stop() }
        let client = MajordomoClient(endpoint: endpoint)
        defer { Task { await client.close() } }
        let clock = ContinuousClock()

        // Reference: let storage migrate a fresh database, stop it, then insert the rows directly.
        let migrator = try ChildProcess("hyte-storage", environment: base.merging(
            ["HYTE_DATA_DIR": "\(directory)/raw", "HYTE_DATABASE_URL": rawURL]) { $1 })
        try await waitForStorage(client)
        migrator.stop()
        let rawTime = try await clock.measure { try await raw() }.seconds
        say("\(backend): raw insert \(String(format: "%.2f", rawTime)) s")

        // Through the bus, as `hyte plan import` does it.
        let storage = try ChildProcess("hyte-storage", environment: base.merging(
            ["HYTE_DATA_DIR": "\(directory)/import", "HYTE_DATABASE_URL": importURL]) { $1 })
        defer { storage.stop() }
        try await waitForStorage(client)
        _ = try await client.call(StorageContracts.UpsertOrganisations.self,
                                  .init(organisations: [SyntheticPlan.organisation]))
        var reply: PlanContracts.Import.Response?
        let importTime = try await clock.measure {
            reply = try await client.call(PlanContracts.Import.self, .init(document: document),
                                          options: RequestOptions(timeout: timeout, retries: 0))
        }.seconds
        guard let reply, reply.outcome == .created, reply.statusReportsAdded == document.statusReports.count else {
            throw BenchError("\(backend): plan.import did not create the plan with all status reports: \(String(describing: reply))")
        }
        say("\(backend): plan.import through the bus \(String(format: "%.2f", importTime)) s")
        return [
            Measurement(backend: backend, path: "raw insert (reference)", rows: rowCount, seconds: rawTime, reference: rawTime),
            Measurement(backend: backend, path: "plan.import through the bus", rows: rowCount, seconds: importTime,
                        reference: rawTime),
        ]
    }

    private func waitForStorage(_ client: MajordomoClient) async throws {
        // A worker that just left may still be listed for a moment; ask storage itself.
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .seconds(120))
        while clock.now < deadline {
            if await client.waitForServices(["storage"], timeout: .seconds(5)).isEmpty,
               (try? await client.health(of: "storage")) != nil {
                return
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw BenchError("hyte-storage did not register with the broker within 120 s")
    }
}
