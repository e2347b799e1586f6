import BusCore
@testable import BusZMQ
import Foundation
import Logging
import Model
import Synchronization
import Testing

/// The echo contract of the bus tests.
enum Echo: Contract {
    static let service = "echo"
    static let operation = "echo"
    static let version = 1
    struct Request: Codable, Sendable { var text: String }
    struct Response: Codable, Sendable { var text: String; var worker: String }
}

/// A router for `echo` that names the worker in each reply and can run a hook per request.
func echoRouter(worker name: String, hook: (@Sendable () async -> Void)? = nil) -> Router {
    var router = Router(service: "echo")
    router.on(Echo.self) { request, _ in
        await hook?()
        return Echo.Response(text: request.text, worker: name)
    }
    return router
}

let quietLogger: Logger = {
    var logger = Logger(label: "test")
    logger.logLevel = .critical
    return logger
}()

/// Fast heartbeats so that liveness tests finish quickly; generous timeouts for a noisy machine.
let testHeartbeat = Duration.milliseconds(100)

/// A broker on a free loopback port, stopped by `shutdown`.
func startBroker(requestExpiry: Duration = .seconds(10)) throws -> MajordomoBroker {
    let broker = MajordomoBroker(endpoint: "tcp://127.0.0.1:*",
                                 configuration: .init(heartbeatInterval: testHeartbeat, liveness: 3, requestExpiry: requestExpiry),
                                 logger: quietLogger)
    try broker.start()
    return broker
}

/// A worker running `router` in a task.
struct RunningWorker {
    let worker: MajordomoWorker
    let task: Task<Void, Never>

    init(endpoint: String, router: Router, bus: (any BusClient)? = nil) {
        let worker = MajordomoWorker(endpoint: endpoint, service: router.service,
                                     configuration: .init(heartbeatInterval: testHeartbeat, liveness: 3,
                                                          reconnectDelay: testHeartbeat, drainGrace: .milliseconds(100)),
                                     logger: quietLogger)
        self.worker = worker
        self.task = Task { await worker.run { body in await router.handle(frames: body, logger: quietLogger, bus: bus) } }
    }

    func stop() async {
        worker.stop()
        await task.value
    }
}

/// Waits until `condition` holds, checking every few milliseconds, or fails after `timeout`.
func eventually(_ what: String, timeout: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws {
    let clock = ContinuousClock()
    let deadline = clock.now.advanced(by: timeout)
    while clock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    Issue.record("timed out waiting until \(what)")
    throw CancellationError()
}

/// Receives one message on a raw socket within `timeout`, or nil.
func receive(_ socket: ZMQSocket, timeout: Duration = .seconds(5)) -> [Data]? {
    let ready = Poller.wait(sockets: [socket], fds: [], timeout: timeout)
    return ready.sockets[0] ? socket.receive() : nil
}

/// A counter shared between tasks.
final class Counter: Sendable {
    private let value = Mutex(0)
    @discardableResult func increment() -> Int { value.withLock { $0 += 1; return $0 } }
    var current: Int { value.withLock { $0 } }
}
