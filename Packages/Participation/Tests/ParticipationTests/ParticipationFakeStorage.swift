import BusCore
import Foundation
import Model
import Synchronization

/// A stand-in for the storage service's `participation.*` operations, in memory, so that
/// `BusParticipationRepository` can be tested without the Storage package (the real one is tested
/// in StorageTests and end to end in ParticipationStackTests).
final class ParticipationFakeStorage: Sendable {
    private struct State {
        var records: [String: [(id: String, document: String)]] = [:]
        var unused: Set<String> = []
        var used: Set<String> = []
        var applied: Set<String> = []
        var responses: [String: [SurveyResponse]] = [:]
    }
    private let state = Mutex(State())

    var router: Router {
        var router = Router(service: ServiceName.storage)
        router.on(ParticipationStorageContracts.SaveRecords.self) { request, _ in
            self.state.withLock { state in
                var reply = ParticipationStorageContracts.SaveRecords.Response(created: 0, updated: 0)
                let key = "\(request.kind.rawValue)/\(request.parent)"
                for record in request.records {
                    if let index = state.records[key]?.firstIndex(where: { $0.id == record.id }) {
                        state.records[key]?[index].document = record.document
                        reply.updated += 1
                    } else {
                        state.records[key, default: []].append((record.id, record.document))
                        reply.created += 1
                    }
                }
                return reply
            }
        }
        router.on(ParticipationStorageContracts.GetRecord.self) { request, _ in
            .init(document: self.state.withLock {
                $0.records["\(request.kind.rawValue)/\(request.parent)"]?.first { $0.id == request.id }?.document
            })
        }
        router.on(ParticipationStorageContracts.ListRecords.self) { request, _ in
            .init(documents: self.state.withLock { $0.records["\(request.kind.rawValue)/\(request.parent)"]?.map(\.document) ?? [] })
        }
        router.on(ParticipationStorageContracts.AddTokenHashes.self) { request, _ in
            .init(added: self.state.withLock { state in
                request.hashes.filter { state.unused.insert("\(request.surveyId)/\($0)").inserted }.count
            })
        }
        router.on(ParticipationStorageContracts.SaveResponses.self) { request, _ in
            try self.state.withLock { state in
                if let id = request.appliedRequestId, state.applied.contains("\(request.surveyId)/\(id)") { return .init(stored: false) }
                if let hash = request.tokenHash.map({ "\(request.surveyId)/\($0)" }) {
                    if state.used.contains(hash) { throw ServiceError.conflict("used", details: ["token": "used"]) }
                    guard state.unused.remove(hash) != nil else { throw ServiceError.badRequest("unknown", details: ["token": "unknown"]) }
                    state.used.insert(hash)
                }
                if let id = request.appliedRequestId { state.applied.insert("\(request.surveyId)/\(id)") }
                state.responses[request.surveyId, default: []] += request.responses
                return .init(stored: true)
            }
        }
        router.on(ParticipationStorageContracts.ListResponses.self) { request, _ in
            .init(responses: self.state.withLock { $0.responses[request.surveyId] ?? [] })
        }
        return router
    }
}
