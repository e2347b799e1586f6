import BusCore
import Foundation
import Logging
import Model

/// Opens the storage database named by `configuration` and returns the router that answers the
/// `storage` service's operations.
///
/// It returns only when the service is ready: the database file is locked for this process, the
/// database is open in WAL mode and every migration has run. The lock is held for as long as the
/// router (or a copy of it) lives.
///
/// - Throws: ``StorageSetupError`` when the URL is not `sqlite://PATH`, when another storage
///   process already serves the file, or when the database cannot be opened or migrated.
public func buildStorageRouter(configuration: StorageConfiguration, logger: Logger) async throws -> Router {
    let location = try DatabaseLocation(url: configuration.databaseURL)
    let database = try StorageDatabase.open(location, logger: logger)
    return makeStorageRouter(store: OrganisationStore(database: database))
}

/// The routes of the `storage` service over `store`.
func makeStorageRouter(store: OrganisationStore) -> Router {
    var router = Router(service: ServiceName.storage)

    router.on(StorageContracts.UpsertOrganisations.self) { request, context in
        let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
        let (reply, replayed) = try await store.upsert(request.organisations, origin: origin)
        context.logger.info(replayed ? "organisation upsert repeated; stored reply returned" : "organisations upserted", metadata: [
            "actor": "\(origin.actorId)",
            "created": "\(reply.created)",
            "updated": "\(reply.updated)",
            "unchanged": "\(reply.unchanged)",
        ])
        return reply
    }

    router.on(StorageContracts.ListOrganisations.self) { _, _ in
        StorageContracts.ListOrganisations.Response(organisations: try await store.list())
    }

    router.on(StorageContracts.GetOrganisation.self) { request, _ in
        try await store.get(id: request.id)
    }

    router.healthDetails {
        await store.database.healthDetails()
    }
    return router
}
