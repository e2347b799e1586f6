import BusCore
import Foundation
import GRDB
import Model

/// Organisations in the storage database: the logic behind `organisation.*`.
struct OrganisationStore: Sendable {
    /// The open database.
    let database: StorageDatabase
    /// The clock that stamps audit entries and processed requests.
    let now: @Sendable () -> Date

    init(database: StorageDatabase, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Every organisation, ordered by id.
    func list() async throws -> [Organisation] {
        let rows = try await database.pool.read { db in
            try OrganisationRow.order(Column("id")).fetchAll(db)
        }
        return try rows.map { try $0.organisation() }
    }

    /// The organisation with `id`; a 404 `not_found` naming the id when there is none.
    func get(id: String) async throws -> Organisation {
        let row = try await database.pool.read { db in try OrganisationRow.fetchOne(db, key: id) }
        guard let row else {
            throw ServiceError.notFound("no organisation has the id '\(id)'", details: ["id": id])
        }
        return try row.organisation()
    }

    /// The number of stored organisations.
    func count() async throws -> Int {
        try await database.pool.read { db in try OrganisationRow.fetchCount(db) }
    }
}
