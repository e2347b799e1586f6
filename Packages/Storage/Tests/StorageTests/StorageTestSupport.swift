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

let testLogger = Logger(label: "hyte.storage.tests")

/// A fixed instant for audit stamps: 2021-11-15T10:00:00Z.
let fixedInstant = Date(timeIntervalSince1970: 1_636_970_400)

/// A storage service on a real SQLite file, reached through the in-memory bus.
struct StorageFixture {
    let bus: InMemoryBus
    let store: OrganisationStore
    let databasePath: String

    /// Opens `directory/hyte.sqlite` with a fixed clock.
    init(directory: String) throws {
        let location = try DatabaseLocation(url: "sqlite://\(directory)/hyte.sqlite")
        let database = try StorageDatabase.open(location, logger: testLogger)
        store = OrganisationStore(database: database, now: { fixedInstant })
        bus = InMemoryBus()
        bus.register(makeStorageRouter(store: store))
        databasePath = location.path
    }

    func upsert(_ organisations: [Organisation], requestId: String = UUID().uuidString,
                actor: String = "coordinator@loviisa.fi") async throws -> StorageContracts.UpsertOrganisations.Response {
        try await bus.call(StorageContracts.UpsertOrganisations.self, .init(organisations: organisations),
                           headers: RequestHeaders(requestId: requestId, actor: Actor(id: actor)))
    }

    func list() async throws -> [Organisation] {
        try await bus.call(StorageContracts.ListOrganisations.self, Empty(),
                           headers: RequestHeaders(requestId: UUID().uuidString, actor: Actor(id: "reader"))).organisations
    }

    func get(_ id: String) async throws -> Organisation {
        try await bus.call(StorageContracts.GetOrganisation.self, .init(id: id),
                           headers: RequestHeaders(requestId: UUID().uuidString, actor: Actor(id: "reader")))
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
