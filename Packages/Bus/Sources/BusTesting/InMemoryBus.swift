import BusCore
import Foundation
import Logging
import Model
import Synchronization

/// A bus in one process, for unit tests of service logic: requests go straight to the routers
/// registered for each service, through the same frame encoding as on the wire.
public final class InMemoryBus: BusClient {
    private let routers = Mutex<[String: Router]>([:])
    private let logger: Logger

    public init(logger: Logger = Logger(label: "hyte.in-memory-bus")) {
        self.logger = logger
    }

    /// Makes `router` answer requests for its service.
    public func register(_ router: Router) {
        routers.withLock { $0[router.service] = router }
    }

    public func request(service: String, _ request: BusRequest, options: RequestOptions) async throws -> BusReply {
        guard let router = routers.withLock({ $0[service] }) else {
            throw BusError.timeout(service: service, operation: request.operation, attempts: options.retries + 1)
        }
        // Encode and decode as the wire does, so that framing mistakes show in unit tests too.
        let replyFrames = await router.handle(frames: request.frames(), logger: logger, bus: self)
        return try BusReply(frames: replyFrames)
    }

    public func management(service: String, body: [Data], options: RequestOptions) async throws -> [Data] {
        switch service {
        case MMI.service:
            let name = String(decoding: body.first ?? Data(), as: UTF8.self)
            return [Data((routers.withLock { $0[name] } != nil ? "200" : "404").utf8)]
        case MMI.services:
            let summaries = routers.withLock { $0.keys.sorted() }.map { ServiceSummary(service: $0, workers: 1, idle: 1, queued: 0) }
            return [Data("200".utf8), try JSONCoding.encoder.encode(summaries)]
        default:
            return [Data("501".utf8)]
        }
    }
}
