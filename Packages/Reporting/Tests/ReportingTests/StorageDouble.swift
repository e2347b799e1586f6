import BusCore
import Model
import Synchronization

/// A stand-in for the storage service that answers `organisation.list` with fixed organisations
/// and remembers the headers it was asked with.
final class StorageDouble: Sendable {
    let organisations: [Organisation]
    private let received = Mutex<[RequestHeaders]>([])

    init(organisations: [Organisation]) {
        self.organisations = organisations
    }

    /// The headers of every `organisation.list` request, in order.
    var receivedHeaders: [RequestHeaders] { received.withLock { $0 } }

    var router: Router {
        var router = Router(service: ServiceName.storage)
        router.on(StorageContracts.ListOrganisations.self) { [self] _, context in
            received.withLock { $0.append(context.headers) }
            return .init(organisations: organisations)
        }
        return router
    }
}

/// A small organisation tree from the seeds: Kymsote with Hamina, Loviisa with its basic
/// security centre, and a village association; some names lack a language.
let sampleOrganisations = [
    Organisation(id: "kylat", kind: .partner, name: LocalizedText(sv: #"Byarna; "Lovisa" rf"#)),
    Organisation(id: "kymsote", kind: .region, name: LocalizedText(fi: "Kymsote", sv: "Kymsote")),
    Organisation(id: "hamina", kind: .municipality, name: LocalizedText(fi: "Hamina"), parentId: "kymsote"),
    Organisation(id: "loviisa", kind: .municipality,
                 name: LocalizedText(fi: "Loviisa", sv: "Lovisa", en: "Loviisa, town")),
    Organisation(id: "loviisa.perusturva", kind: .department,
                 name: LocalizedText(fi: "Perusturvakeskus", sv: "Grundtrygghetscentralen"), parentId: "loviisa"),
    Organisation(id: "loviisa.perusturva.vanhus", kind: .unit,
                 name: LocalizedText(fi: "Vanhuspalvelut", sv: "Äldreomsorgen"), parentId: "loviisa.perusturva"),
]
