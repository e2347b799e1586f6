import BusCore
import Foundation
import Model

/// Organisations in the storage database: the logic behind `organisation.*`, over any
/// ``StorageBackend``.
struct OrganisationStore: Sendable {
    /// The open database.
    let backend: any StorageBackend
    /// The clock that stamps audit entries and processed requests.
    let now: @Sendable () -> Date

    init(backend: any StorageBackend, now: @escaping @Sendable () -> Date = { Date() }) {
        self.backend = backend
        self.now = now
    }

    /// Every organisation, ordered by id.
    func list() async throws -> [Organisation] {
        try await backend.organisations()
    }

    /// The organisation with `id`; a 404 `not_found` naming the id when there is none.
    func get(id: String) async throws -> Organisation {
        guard let organisation = try await backend.organisation(id: id) else {
            throw ServiceError.notFound("no organisation has the id '\(id)'", details: ["id": id])
        }
        return organisation
    }

    /// Validates, then applies `organisations` in one transaction, with an audit entry per
    /// created or updated record and the reply stored under the request id.
    ///
    /// A request id that was already applied returns its stored reply and changes nothing.
    /// Any validation issue is a 400 that names the element and field; nothing is stored.
    func upsert(_ organisations: [Organisation], expectedVersions: [String: Int]? = nil,
                origin: ChangeOrigin) async throws -> OrganisationUpsertResult {
        try await backend.upsertOrganisations(organisations, expectedVersions: expectedVersions, origin: origin, at: now())
    }
}
