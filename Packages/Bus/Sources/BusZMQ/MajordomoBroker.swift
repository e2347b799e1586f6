import BusCore
import CZeroMQ
import Foundation
import Logging
import Synchronization

/// A Majordomo 0.1 broker with MMI on one ROUTER socket.
///
/// The socket lives on a thread of its own that loops on `zmq_poll` with a timeout; all
/// protocol decisions are made by `BrokerStateMachine`.
public final class MajordomoBroker: Sendable {
    /// The endpoint to bind, e.g. `tcp://127.0.0.1:5570` or `tcp://127.0.0.1:*`.
    public let endpoint: String
    public let configuration: BrokerStateMachine.Configuration
    private let logger: Logger
    private let context: ZMQContext
    private let stopRequested = Atomic<Bool>(false)
    private let wake = WakeUp()
    private let stopped = Completion()
    private let bound = Mutex<String?>(nil)

    public init(endpoint: String, configuration: BrokerStateMachine.Configuration = .init(),
                logger: Logger = Logger(label: "hyte.broker"), context: ZMQContext = .shared) {
        self.endpoint = endpoint
        self.configuration = configuration
        self.logger = logger
        self.context = context
    }

    /// The endpoint actually bound, once `start` returned.
    public var boundEndpoint: String? { bound.withLock { $0 } }

    /// Binds the socket and starts the broker thread; returns the bound endpoint.
    @discardableResult
    public func start() throws -> String {
        let result = Mutex<Result<String, BusError>?>(nil)
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            let socket: ZMQSocket
            do throws(BusError) {
                socket = try ZMQSocket(context: context, type: .router, linger: .zero)
                try socket.bind(endpoint)
            } catch {
                result.withLock { $0 = .failure(error) }
                started.signal()
                stopped.finish()
                return
            }
            let actual = socket.lastEndpoint
            bound.withLock { $0 = actual }
            result.withLock { $0 = .success(actual) }
            started.signal()
            loop(socket)
            socket.close()
            stopped.finish()
        }
        thread.name = "hyte-broker"
        thread.start()
        started.wait()
        let actual = try result.withLock { $0! }.get()
        logger.info("broker listening", metadata: ["endpoint": "\(actual)"])
        return actual
    }

    /// Asks the broker thread to stop; returns at once.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
        wake.signal()
    }

    /// Returns when the broker thread has ended.
    public func waitUntilStopped() async { await stopped.wait() }

    private func loop(_ socket: ZMQSocket) {
        let clock = ContinuousClock()
        var machine = BrokerStateMachine(configuration: configuration, now: clock.now)
        while !stopRequested.load(ordering: .acquiring) {
            let deadline = machine.nextDeadline()
            let ready = Poller.wait(sockets: [socket], fds: [wake.fd], timeout: deadline.remaining(from: clock.now))
            if ready.fds[0] { wake.drain() }
            if ready.sockets[0] {
                var budget = 10_000
                while budget > 0, let frames = socket.receive() {
                    perform(machine.receive(frames, now: clock.now), on: socket)
                    budget -= 1
                }
            }
            let now = clock.now
            if now >= machine.nextDeadline() {
                perform(machine.tick(now: now), on: socket)
            }
        }
        logger.info("broker stopped")
    }

    private func perform(_ actions: [BrokerStateMachine.Action], on socket: ZMQSocket) {
        for action in actions {
            switch action {
            case .send(let peer, let frames):
                socket.send([peer] + frames, dontWait: true)
            case .log(let level, let message, let metadata):
                logger.log(level: level.swiftLog, "\(message)", metadata: metadata.mapValues { .string($0) })
            }
        }
    }
}

extension BrokerStateMachine.LogLevel {
    var swiftLog: Logger.Level {
        switch self {
        case .debug: .debug
        case .info: .info
        case .warning: .warning
        }
    }
}
