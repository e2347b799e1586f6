import BusCore
import BusTesting
import Foundation
import Logging
import Model
@testable import Storage

/// Runs `body` with a fresh, empty directory that is removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("hyte-storage-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Warnings and errors only: the connection pool reports every connection it opens or abandons.
let testLogger: Logger = {
    var logger = Logger(label: "hyte.storage.tests")
    logger.logLevel = .warning
    return logger
}()

/// A fixed instant for audit stamps: 2021-11-15T10:00:00Z.
let fixedInstant = Date(timeIntervalSince1970: 1_636_970_400)

/// Runs `body` with a storage service on a fresh, empty database of `backend`, reached through
/// the in-memory bus: a new SQLite file, or a new PostgreSQL database that is dropped afterwards.
func withStorage<T>(_ backend: Backend, _ body: (StorageFixture) async throws -> T) async throws -> T {
    switch backend {
    case .sqlite:
        return try await withTemporaryDirectory { directory in
            let location = try DatabaseLocation(url: "sqlite://\(directory)/hyte.sqlite")
            let database = try SQLiteBackend.open(location, logger: testLogger)
            return try await body(StorageFixture(backend: database, database: location.path))
        }
    case .postgres:
        return try await withPostgresDatabase { location in
            let database = try await PostgresBackend.connect(location, logger: testLogger)
            do {
                let result = try await body(StorageFixture(backend: database, database: location.displayName))
                await database.shutdown()
                return result
            } catch {
                await database.shutdown()
                throw error
            }
        }
    }
}

/// A storage service on one database, reached through the in-memory bus, with a fixed clock.
struct StorageFixture {
    let bus: InMemoryBus
    let store: OrganisationStore
    /// The file path (SQLite) or `HOST:PORT/DATABASE` (PostgreSQL) that `health` reports.
    let database: String

    init(backend: any StorageBackend, database: String) {
        store = OrganisationStore(backend: backend, now: { fixedInstant })
        bus = InMemoryBus()
        bus.register(makeStorageRouter(store: store))
        self.database = database
    }

    func upsert(_ organisations: [Organisation], requestId: String = UUID().uuidString,
                actor: String = "coordinator@loviisa.fi") async throws -> StorageContracts.UpsertOrganisations.Response {
        try await bus.upsert(organisations, requestId: requestId, actor: actor)
    }

    func list() async throws -> [Organisation] {
        try await bus.listOrganisations()
    }

    func get(_ id: String) async throws -> Organisation {
        try await bus.call(StorageContracts.GetOrganisation.self, .init(id: id),
                           headers: RequestHeaders(requestId: UUID().uuidString, actor: Actor(id: "reader")))
    }
}

extension InMemoryBus {
    func upsert(_ organisations: [Organisation], requestId: String = UUID().uuidString,
                actor: String = "coordinator@loviisa.fi") async throws -> StorageContracts.UpsertOrganisations.Response {
        try await call(StorageContracts.UpsertOrganisations.self, .init(organisations: organisations),
                       headers: RequestHeaders(requestId: requestId, actor: Actor(id: actor)))
    }

    func listOrganisations() async throws -> [Organisation] {
        try await call(StorageContracts.ListOrganisations.self, Empty(),
                       headers: RequestHeaders(requestId: UUID().uuidString, actor: Actor(id: "reader"))).organisations
    }
}

enum Sample {
    static let kymsote = Organisation(id: "kymsote", kind: .region, name: LocalizedText(fi: "Kymsote"))
    static let kotka = Organisation(id: "kotka", kind: .municipality, name: LocalizedText(fi: "Kotka", sv: "Kotka"),
                                    parentId: "kymsote")
    static let hamina = Organisation(id: "hamina", kind: .municipality,
                                     name: LocalizedText(fi: "Hamina", sv: "Fredrikshamn"), parentId: "kymsote")
    static let loviisa = Organisation(id: "loviisa", kind: .municipality, name: LocalizedText(fi: "Loviisa", sv: "Lovisa"))
    static let perusturva = Organisation(id: "loviisa.perusturva", kind: .department,
                                         name: LocalizedText(fi: "Perusturvakeskus"), parentId: "loviisa")
    static let seniori = Organisation(id: "loviisa.perusturva.seniori", kind: .unit,
                                      name: LocalizedText(fi: "Senioripalvelut"), parentId: "loviisa.perusturva")
}
