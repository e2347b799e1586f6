import DequeModule
import Foundation
import Model

/// The logic of a Majordomo 0.1 broker as a pure state machine: socket events in, actions out.
///
/// The socket loop in `BusZMQ` feeds it every message received on the ROUTER socket (identity
/// frame first) and a tick when its poll times out, and performs the actions it returns. It
/// never trusts input from the network: a malformed message is dropped with a log action, a
/// valid but unexpected command is answered with DISCONNECT.
public struct BrokerStateMachine: Sendable {
    /// Tunables of the broker.
    public struct Configuration: Sendable, Hashable {
        /// How often the broker sends HEARTBEAT to workers.
        public var heartbeatInterval: Duration
        /// Missed intervals after which a silent worker is forgotten.
        public var liveness: Int
        /// How long a request may wait in a service queue before the client gets an error reply.
        public var requestExpiry: Duration

        public init(heartbeatInterval: Duration = .milliseconds(2500), liveness: Int = 3, requestExpiry: Duration = .seconds(30)) {
            self.heartbeatInterval = heartbeatInterval
            self.liveness = max(1, liveness)
            self.requestExpiry = requestExpiry
        }
    }

    /// What the socket loop must do.
    public enum Action: Sendable, Equatable {
        /// Send these frames to the peer with this ROUTER identity.
        case send(to: Data, frames: [Data])
        /// Write a log line.
        case log(LogLevel, String, [String: String])
    }

    /// Log levels the broker uses.
    public enum LogLevel: Sendable, Equatable { case debug, info, warning }

    struct Worker: Sendable {
        var identity: Data
        var service: String
        var expiry: ContinuousClock.Instant
        /// The client whose request this worker is handling.
        var busyWith: Data?
        /// The worker said DISCONNECT while busy: its one pending reply is still forwarded.
        var draining = false
    }

    struct QueuedRequest: Sendable {
        var client: Data
        var body: [Data]
        var expiry: ContinuousClock.Instant
    }

    struct ServiceQueue: Sendable {
        /// Oldest first; all wait the same expiry, so the first expires first.
        var requests: Deque<QueuedRequest> = []
        /// Idle workers, least recently used first.
        var idle: Deque<Data> = []
    }

    public let configuration: Configuration
    private(set) var workers: [Data: Worker] = [:]
    private(set) var services: [String: ServiceQueue] = [:]
    private var nextHeartbeat: ContinuousClock.Instant
    /// How long a worker lives without a sign of life.
    private let workerLifetime: Duration

    public init(configuration: Configuration, now: ContinuousClock.Instant) {
        self.configuration = configuration
        self.nextHeartbeat = now.advanced(by: configuration.heartbeatInterval)
        self.workerLifetime = configuration.heartbeatInterval * configuration.liveness
    }


    // MARK: Inspection

    /// Registered workers of a service (idle or busy, not draining).
    public func workerCount(for service: String) -> Int {
        workers.values.filter { $0.service == service && !$0.draining }.count
    }

    /// Idle workers of a service.
    public func idleCount(for service: String) -> Int { services[service]?.idle.count ?? 0 }

    /// Requests waiting in a service's queue.
    public func queuedCount(for service: String) -> Int { services[service]?.requests.count ?? 0 }

    /// Every known service with its counts, sorted by name.
    public func summaries() -> [ServiceSummary] {
        var names = Set(services.keys)
        for worker in workers.values where !worker.draining { names.insert(worker.service) }
        return names.sorted().map {
            ServiceSummary(service: $0, workers: workerCount(for: $0), idle: idleCount(for: $0), queued: queuedCount(for: $0))
        }
    }

    /// The next instant at which `tick` has something to do.
    public func nextDeadline() -> ContinuousClock.Instant {
        var deadline = nextHeartbeat
        for worker in workers.values where worker.expiry < deadline { deadline = worker.expiry }
        for queue in services.values {
            if let first = queue.requests.first?.expiry, first < deadline { deadline = first }
        }
        return deadline
    }

    // MARK: Events

    /// A message arrived on the ROUTER socket: `frames[0]` is the peer identity.
    public mutating func receive(_ frames: [Data], now: ContinuousClock.Instant) -> [Action] {
        guard frames.count >= 3, !frames[0].isEmpty else {
            return [malformed("fewer than 3 frames or no identity", frames)]
        }
        let sender = frames[0]
        guard frames[1].isEmpty else { return [malformed("frame 0 is not the empty delimiter", frames)] }
        let rest = Array(frames[2...])
        switch rest[0] {
        case MDP.clientHeader: return receiveFromClient(sender, rest, now: now)
        case MDP.workerHeader: return receiveFromWorker(sender, rest, now: now)
        default: return [malformed("unknown protocol header", frames)]
        }
    }

    /// The poll timed out or a deadline passed: heartbeats, purges and expiries.
    public mutating func tick(now: ContinuousClock.Instant) -> [Action] {
        var actions: [Action] = []
        // Forget silent workers, idle or busy; a busy one's request is lost and the client retries.
        for worker in workers.values where worker.expiry <= now {
            actions.append(.log(.warning, "worker expired", ["service": worker.service, "worker": hex(worker.identity),
                                                               "busy": worker.busyWith == nil ? "no" : "yes"]))
            deleteWorker(worker.identity)
        }
        // Expire queued requests (oldest first, so they leave from the front).
        for name in Array(services.keys) {
            guard let first = services[name]?.requests.first, first.expiry <= now else { continue }
            var queue = services.removeValue(forKey: name)!
            var expired: [QueuedRequest] = []
            while let request = queue.requests.first, request.expiry <= now {
                expired.append(queue.requests.removeFirst())
            }
            services[name] = queue
            let registered = workerCount(for: name)
            for request in expired {
                let message = registered == 0
                    ? "no worker of service '\(name)' is registered; the request waited \(configuration.requestExpiry) and expired"
                    : "every worker of service '\(name)' stayed busy; the request waited \(configuration.requestExpiry) and expired"
                actions.append(.log(.warning, "request expired in queue", ["service": name]))
                actions.append(errorReply(to: request.client, service: name, body: request.body,
                                          status: registered == 0 ? .serviceUnavailable : .timeout,
                                          code: "queue_expired", message: message))
            }
            dropEmptyService(name)
        }
        if now >= nextHeartbeat {
            for worker in workers.values where !worker.draining {
                actions.append(.send(to: worker.identity, frames: MDP.workerCommand(.heartbeat)))
            }
            nextHeartbeat = now.advanced(by: configuration.heartbeatInterval)
        }
        return actions
    }

    // MARK: Clients

    private mutating func receiveFromClient(_ client: Data, _ frames: [Data], now: ContinuousClock.Instant) -> [Action] {
        // [MDPC01][service][body…]
        guard frames.count >= 3 else { return [malformed("client REQUEST without service or body", [client] + frames)] }
        guard let service = String(data: frames[1], encoding: .utf8), !service.isEmpty else {
            return [malformed("client REQUEST with an empty or non-UTF-8 service name", [client] + frames)]
        }
        let body = Array(frames[2...])
        if service.hasPrefix(MMI.prefix) {
            return [.send(to: client, frames: [Data(), MDP.clientHeader, frames[1]] + management(service, body))]
        }
        services[service, default: ServiceQueue()].requests
            .append(QueuedRequest(client: client, body: body, expiry: now.advanced(by: configuration.requestExpiry)))
        return dispatch(service, now: now)
    }

    private func management(_ service: String, _ body: [Data]) -> [Data] {
        switch service {
        case MMI.service:
            let name = String(decoding: body[0], as: UTF8.self)
            return [Data((workerCount(for: name) > 0 ? "200" : "404").utf8)]
        case MMI.services:
            let json = (try? JSONCoding.encoder.encode(summaries())) ?? Data("[]".utf8)
            return [Data("200".utf8), json]
        default:
            return [Data("501".utf8)]
        }
    }

    // MARK: Workers

    private mutating func receiveFromWorker(_ sender: Data, _ frames: [Data], now: ContinuousClock.Instant) -> [Action] {
        // [MDPW01][command][…]
        guard frames.count >= 2, frames[1].count == 1, let command = MDP.Command(rawValue: frames[1][frames[1].startIndex]) else {
            return [malformed("worker message without a valid command byte", [sender] + frames)]
        }
        let known = workers[sender] != nil
        switch command {
        case .ready:
            guard frames.count == 3 else { return [malformed("READY must have exactly 4 frames", [sender] + frames)] }
            let service = String(decoding: frames[2], as: UTF8.self)
            if known {
                deleteWorker(sender)
                return disconnect(sender, "second READY from a registered worker")
            }
            if service.isEmpty || service.hasPrefix(MMI.prefix) {
                return disconnect(sender, "READY for reserved or empty service name '\(service)'")
            }
            workers[sender] = Worker(identity: sender, service: service, expiry: now.advanced(by: workerLifetime))
            services[service, default: ServiceQueue()].idle.append(sender)
            return [.log(.info, "worker ready", ["service": service, "worker": hex(sender)])] + dispatch(service, now: now)

        case .reply:
            // [MDPW01][0x03][client][empty][body…]
            guard frames.count >= 5, frames[3].isEmpty, !frames[2].isEmpty else {
                return [malformed("REPLY must have a client address, an empty frame and a body", [sender] + frames)]
            }
            guard let worker = workers[sender], let client = worker.busyWith, client == frames[2] else {
                if known { deleteWorker(sender) }
                return disconnect(sender, "REPLY from a worker that has no request from this client")
            }
            let forward = Action.send(to: client, frames: [Data(), MDP.clientHeader, Data(worker.service.utf8)] + Array(frames[4...]))
            if worker.draining {
                workers[sender] = nil
                dropEmptyService(worker.service)
                return [forward, .log(.info, "draining worker finished", ["service": worker.service, "worker": hex(sender)])]
            }
            workers[sender]?.busyWith = nil
            let lifetime = workerLifetime
            workers[sender]?.expiry = now.advanced(by: lifetime)
            services[worker.service, default: ServiceQueue()].idle.append(sender)
            return [forward] + dispatch(worker.service, now: now)

        case .heartbeat:
            guard frames.count == 2 else { return [malformed("HEARTBEAT must have exactly 3 frames", [sender] + frames)] }
            guard known else { return disconnect(sender, "HEARTBEAT from an unknown worker") }
            let lifetime = workerLifetime
            workers[sender]?.expiry = now.advanced(by: lifetime)
            return []

        case .disconnect:
            guard frames.count == 2 else { return [malformed("DISCONNECT must have exactly 3 frames", [sender] + frames)] }
            guard let worker = workers[sender] else { return [] }
            if worker.busyWith != nil && !worker.draining {
                // Send it nothing more, but still forward the reply it owes.
                workers[sender]?.draining = true
                let lifetime = workerLifetime
            workers[sender]?.expiry = now.advanced(by: lifetime)
                return [.log(.info, "worker draining", ["service": worker.service, "worker": hex(sender)])]
            }
            deleteWorker(sender)
            return [.log(.info, "worker disconnected", ["service": worker.service, "worker": hex(sender)])]

        case .request:
            if known { deleteWorker(sender) }
            return disconnect(sender, "a worker sent REQUEST, which only the broker may send")
        }
    }

    /// Hands queued requests of `service` to its idle workers, least recently used first.
    private mutating func dispatch(_ service: String, now: ContinuousClock.Instant) -> [Action] {
        // Taken out of the dictionary while it changes, so that its storage is not copied.
        guard var queue = services.removeValue(forKey: service) else { return [] }
        var actions: [Action] = []
        while !queue.idle.isEmpty, !queue.requests.isEmpty {
            let workerId = queue.idle.removeFirst()
            guard workers[workerId] != nil else { continue }
            let request = queue.requests.removeFirst()
            workers[workerId]?.busyWith = request.client
            actions.append(.send(to: workerId, frames: MDP.workerCommand(.request, [request.client, Data()] + request.body)))
        }
        services[service] = queue
        return actions
    }

    private mutating func deleteWorker(_ identity: Data) {
        guard let worker = workers.removeValue(forKey: identity) else { return }
        services[worker.service]?.idle.removeAll { $0 == identity }
        dropEmptyService(worker.service)
    }

    private mutating func dropEmptyService(_ name: String) {
        if let queue = services[name], queue.idle.isEmpty, queue.requests.isEmpty,
           !workers.values.contains(where: { $0.service == name }) {
            services[name] = nil
        }
    }

    private func disconnect(_ worker: Data, _ reason: String) -> [Action] {
        [.log(.warning, "disconnecting worker", ["reason": reason, "worker": hex(worker)]),
         .send(to: worker, frames: MDP.workerCommand(.disconnect))]
    }

    private func malformed(_ reason: String, _ frames: [Data]) -> Action {
        .log(.warning, "dropped malformed message", ["reason": reason, "frames": "\(frames.count)"])
    }

    /// An error reply in the Hyte body format, echoing the request id when the body is a Hyte request.
    private func errorReply(to client: Data, service: String, body: [Data], status: Status, code: String, message: String) -> Action {
        let requestId = (try? BusRequest(frames: body))?.headers.requestId ?? ""
        let reply = BusReply(status: status, requestId: requestId, error: ErrorBody(code: code, message: message))
        return .send(to: client, frames: [Data(), MDP.clientHeader, Data(service.utf8)] + reply.frames())
    }
}

func hex(_ data: Data) -> String { data.map { String(format: "%02x", $0) }.joined() }
