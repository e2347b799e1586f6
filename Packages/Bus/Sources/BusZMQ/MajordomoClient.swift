import BusCore
import CZeroMQ
import Foundation
import Logging
import Model
import Synchronization

/// An asynchronous Majordomo 0.1 client with many requests in flight.
///
/// Hyte requests go over one DEALER socket and are matched to their replies by the `requestId`
/// that the reply headers echo. A request that times out is sent again on the same socket (a
/// DEALER has no state to reset), a bounded number of times; a late duplicate reply is dropped,
/// so every request is answered at most once. Management requests (`mmi.*`), whose replies carry
/// no id, each use a REQ socket of their own that is closed and reopened on timeout (the Lazy
/// Pirate pattern). All sockets live on one thread; async callers talk to it through a mailbox.
public final class MajordomoClient: BusClient {
    public let endpoint: String
    private let logger: Logger
    private let context: ZMQContext
    private let wake = WakeUp()
    private let outbox = Mailbox<Command>()
    private let closed = Atomic<Bool>(false)
    private let stopped = Completion()
    private let stats = Mutex<Statistics>(Statistics())

    /// Counters for tests and diagnostics.
    public struct Statistics: Sendable, Hashable {
        public var sent = 0
        public var resent = 0
        public var answered = 0
        /// Replies that arrived after their request was already answered or given up.
        public var duplicatesDropped = 0
    }

    enum Command: Sendable {
        case request(id: String, service: String, body: [Data], options: RequestOptions, operation: String,
                     continuation: CheckedContinuation<[Data], any Error>)
        case management(id: String, service: String, body: [Data], options: RequestOptions,
                        continuation: CheckedContinuation<[Data], any Error>)
        case cancel(id: String)
    }

    /// Connects to the broker at `endpoint` and starts the client's socket thread.
    public init(endpoint: String, logger: Logger = Logger(label: "hyte.client"), context: ZMQContext = .shared) {
        self.endpoint = endpoint
        self.logger = logger
        self.context = context
        let thread = Thread { [self] in
            loop()
            stopped.finish()
        }
        thread.name = "hyte-client"
        thread.start()
    }

    deinit {
        closed.store(true, ordering: .releasing)
        wake.signal()
    }

    /// Counters of this client so far.
    public var statistics: Statistics { stats.withLock { $0 } }

    /// Stops the socket thread; pending requests fail with `BusError.closed`.
    public func close() async {
        closed.store(true, ordering: .releasing)
        wake.signal()
        await stopped.wait()
    }

    public func request(service: String, _ request: BusRequest, options: RequestOptions) async throws -> BusReply {
        let id = request.headers.requestId
        let frames = try await submit(id: id) { continuation in
            .request(id: id, service: service, body: request.frames(), options: options, operation: request.operation,
                     continuation: continuation)
        }
        return try BusReply(frames: frames)
    }

    public func management(service: String, body: [Data], options: RequestOptions) async throws -> [Data] {
        let id = UUID().uuidString
        return try await submit(id: id) { continuation in
            .management(id: id, service: service, body: body, options: options, continuation: continuation)
        }
    }

    private func submit(id: String, _ make: (CheckedContinuation<[Data], any Error>) -> Command) async throws -> [Data] {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                if closed.load(ordering: .acquiring) {
                    continuation.resume(throwing: BusError.closed)
                    return
                }
                outbox.push(make(continuation))
                wake.signal()
            }
        } onCancel: {
            outbox.push(.cancel(id: id))
            wake.signal()
        }
    }

    // MARK: The socket thread

    private struct Pending {
        var service: String
        var operation: String
        var body: [Data]
        var options: RequestOptions
        var attempts: Int
        var deadline: ContinuousClock.Instant
        var continuation: CheckedContinuation<[Data], any Error>
    }

    private struct PendingManagement {
        var id: String
        var service: String
        var body: [Data]
        var options: RequestOptions
        var attempts: Int
        var deadline: ContinuousClock.Instant
        var socket: ZMQSocket
        var continuation: CheckedContinuation<[Data], any Error>
    }

    private func loop() {
        let clock = ContinuousClock()
        let dealer: ZMQSocket
        do {
            dealer = try ZMQSocket(context: context, type: .dealer, linger: .zero)
            try dealer.connect(endpoint)
        } catch {
            logger.error("cannot open the client socket", metadata: ["error": "\(error)"])
            failAll(outbox.drain(), with: error)
            return
        }
        var pending: [String: Pending] = [:]
        var management: [PendingManagement] = []

        func openManagementSocket() -> ZMQSocket? {
            guard let socket = try? ZMQSocket(context: context, type: .req, linger: .zero) else { return nil }
            guard (try? socket.connect(endpoint)) != nil else { return nil }
            return socket
        }

        while !closed.load(ordering: .acquiring) {
            for command in outbox.drain() {
                let now = clock.now
                switch command {
                case .request(let id, let service, let body, let options, let operation, let continuation):
                    if let existing = pending[id] {
                        // A second request with the same id: answer both with the one reply.
                        existing.continuation.resume(throwing: BusError.transport("request id \(id) reused while in flight"))
                    }
                    pending[id] = Pending(service: service, operation: operation, body: body, options: options, attempts: 1,
                                          deadline: now.advanced(by: options.timeout), continuation: continuation)
                    dealer.send([Data(), MDP.clientHeader, Data(service.utf8)] + body)
                    stats.withLock { $0.sent += 1 }
                case .management(let id, let service, let body, let options, let continuation):
                    guard let socket = openManagementSocket() else {
                        continuation.resume(throwing: BusError.transport("cannot open a socket to \(endpoint)"))
                        continue
                    }
                    socket.send([MDP.clientHeader, Data(service.utf8)] + body)
                    management.append(PendingManagement(id: id, service: service, body: body, options: options, attempts: 1,
                                                        deadline: now.advanced(by: options.timeout), socket: socket,
                                                        continuation: continuation))
                case .cancel(let id):
                    pending.removeValue(forKey: id)?.continuation.resume(throwing: CancellationError())
                    if let index = management.firstIndex(where: { $0.id == id }) {
                        let entry = management.remove(at: index)
                        entry.socket.close()
                        entry.continuation.resume(throwing: CancellationError())
                    }
                }
            }

            var deadline = clock.now.advanced(by: .seconds(60))
            for entry in pending.values where entry.deadline < deadline { deadline = entry.deadline }
            for entry in management where entry.deadline < deadline { deadline = entry.deadline }
            let ready = Poller.wait(sockets: [dealer] + management.map(\.socket), fds: [wake.fd],
                                    timeout: deadline.remaining(from: clock.now))
            if ready.fds[0] { wake.drain() }

            if ready.sockets[0] {
                while let frames = dealer.receive() {
                    // [empty][MDPC01][service][status][headers][payload]
                    guard frames.count >= 4, frames[0].isEmpty, frames[1] == MDP.clientHeader,
                          let reply = try? BusReply(frames: Array(frames[3...])) else {
                        logger.warning("dropped malformed reply", metadata: ["frames": "\(frames.count)"])
                        continue
                    }
                    if let entry = pending.removeValue(forKey: reply.headers.requestId) {
                        stats.withLock { $0.answered += 1 }
                        entry.continuation.resume(returning: Array(frames[3...]))
                    } else {
                        stats.withLock { $0.duplicatesDropped += 1 }
                    }
                }
            }
            // Management replies: REQ strips the empty frame → [MDPC01][service][body…].
            var index = management.count - 1
            while index >= 0 {
                if ready.sockets[index + 1], let frames = management[index].socket.receive() {
                    let entry = management.remove(at: index)
                    entry.socket.close()
                    if frames.count >= 3, frames[0] == MDP.clientHeader {
                        entry.continuation.resume(returning: Array(frames[2...]))
                    } else {
                        entry.continuation.resume(throwing: BusError.malformedReply("management reply with \(frames.count) frame(s)"))
                    }
                }
                index -= 1
            }

            // Timeouts and retries, looked for only once the earliest deadline has passed.
            let now = clock.now
            guard now >= deadline else { continue }
            for (id, entry) in pending where entry.deadline <= now {
                if entry.attempts <= entry.options.retries {
                    var retry = entry
                    retry.attempts += 1
                    retry.deadline = now.advanced(by: entry.options.timeout)
                    pending[id] = retry
                    dealer.send([Data(), MDP.clientHeader, Data(entry.service.utf8)] + entry.body)
                    stats.withLock { $0.resent += 1 }
                    logger.debug("request timed out; sending again", metadata: ["service": "\(entry.service)", "attempt": "\(retry.attempts)"])
                } else {
                    pending[id] = nil
                    entry.continuation.resume(throwing: BusError.timeout(service: entry.service, operation: entry.operation,
                                                                         attempts: entry.attempts))
                }
            }
            index = management.count - 1
            while index >= 0 {
                if management[index].deadline <= now {
                    var entry = management[index]
                    entry.socket.close()
                    if entry.attempts <= entry.options.retries, let socket = openManagementSocket() {
                        entry.attempts += 1
                        entry.deadline = now.advanced(by: entry.options.timeout)
                        entry.socket = socket
                        socket.send([MDP.clientHeader, Data(entry.service.utf8)] + entry.body)
                        management[index] = entry
                    } else {
                        management.remove(at: index)
                        entry.continuation.resume(throwing: BusError.brokerUnreachable(endpoint: endpoint))
                    }
                }
                index -= 1
            }
        }
        for entry in pending.values { entry.continuation.resume(throwing: BusError.closed) }
        for entry in management {
            entry.socket.close()
            entry.continuation.resume(throwing: BusError.closed)
        }
        failAll(outbox.drain(), with: BusError.closed)
        dealer.close()
    }

    private func failAll(_ commands: [Command], with error: any Error) {
        for command in commands {
            switch command {
            case .request(_, _, _, _, _, let continuation), .management(_, _, _, _, let continuation):
                continuation.resume(throwing: error)
            case .cancel:
                break
            }
        }
    }
}
