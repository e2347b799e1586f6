import BusCore
import Foundation
import Logging
import Model

/// Opens the storage database named by `configuration` and returns the router that answers the
/// `storage` service's operations.
///
/// It returns only when the service is ready: the database answers and every migration has run.
///
/// - `sqlite://PATH`: the file is locked for this process and opened in WAL mode; the lock is held
///   for as long as the router (or a copy of it) lives. One storage worker per file.
/// - `postgres://USER:PASSWORD@HOST:PORT/DATABASE`: a connection pool to that database, kept
///   running for as long as the router lives. Several storage workers may serve one database.
///
/// - Throws: ``StorageSetupError`` when the URL is neither form, when another storage process
///   already serves the SQLite file, or when the database cannot be reached, opened or migrated.
public func buildStorageRouter(configuration: StorageConfiguration, logger: Logger) async throws -> Router {
    let backend: any StorageBackend = switch try DatabaseURL(configuration.databaseURL) {
    case .sqlite(let location): try SQLiteBackend.open(location, logger: logger)
    case .postgres(let location): try await PostgresBackend.connect(location, logger: logger)
    }
    return makeStorageRouter(store: OrganisationStore(backend: backend))
}

/// The routes of the `storage` service over `store`.
func makeStorageRouter(store: OrganisationStore) -> Router {
    var router = Router(service: ServiceName.storage)

    router.on(StorageContracts.UpsertOrganisations.self) { request, context in
        let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
        let result = try await store.upsert(request.organisations, expectedVersions: request.expectedVersions, origin: origin)
        let reply = result.reply
        context.logger.info(result.replayed ? "organisation upsert repeated; stored reply returned" : "organisations upserted", metadata: [
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

    router.addPlanRoutes(PlanStore(backend: store.backend, now: store.now))
    router.addParticipationRecordRoutes(store.backend, now: store.now)
    router.addIndicatorRoutes(store.backend, now: store.now)

    router.healthDetails {
        await store.backend.healthDetails()
    }
    return router
}
