import Foundation

/// The logic of a Majordomo 0.1 worker as a pure state machine: socket events in, actions out.
///
/// The socket loop in `BusZMQ` calls `connected` whenever it has a new socket to the broker,
/// feeds it every message, a tick when its poll times out, the reply of the handler when it is
/// done, and `stop` on shutdown; it performs the returned actions.
public struct WorkerStateMachine: Sendable {
    /// Tunables of a worker.
    public struct Configuration: Sendable, Hashable {
        public var heartbeatInterval: Duration
        /// Missed broker heartbeats after which the worker reconnects.
        public var liveness: Int
        /// Delay before a new socket is opened after the broker went silent or said DISCONNECT.
        public var reconnectDelay: Duration
        /// After DISCONNECT on shutdown, how long an idle worker waits for a request the broker may
        /// have sent before it saw the DISCONNECT.
        public var drainGrace: Duration
        /// The longest a stopping worker waits for its request in hand to finish.
        public var drainTimeout: Duration

        public init(heartbeatInterval: Duration = .milliseconds(2500), liveness: Int = 3,
                    reconnectDelay: Duration = .milliseconds(2500), drainGrace: Duration = .milliseconds(200),
                    drainTimeout: Duration = .seconds(30)) {
            self.heartbeatInterval = heartbeatInterval
            self.liveness = max(1, liveness)
            self.reconnectDelay = reconnectDelay
            self.drainGrace = drainGrace
            self.drainTimeout = drainTimeout
        }
    }

    /// What the socket loop must do.
    public enum Action: Sendable, Equatable {
        /// Send these frames on the current socket.
        case send([Data])
        /// Run the handler on this body; give its reply to `replyReady`.
        case handle(client: Data, body: [Data])
        /// Close the socket now, and call `connected` on a new one at the given instant.
        case reconnect(at: ContinuousClock.Instant)
        /// Close the socket for good: the worker has stopped.
        case close
        case log(BrokerStateMachine.LogLevel, String, [String: String])
    }

    enum Phase: Sendable, Equatable {
        case connected
        case disconnected
        case stopping(closeBy: ContinuousClock.Instant)
        case closed
    }

    public let service: String
    public let configuration: Configuration
    private(set) var phase: Phase = .disconnected
    private var lastHeard: ContinuousClock.Instant
    private var nextHeartbeat: ContinuousClock.Instant
    private var reconnectAt: ContinuousClock.Instant?
    /// The client whose request is being handled.
    private(set) var busyWith: Data?
    /// The request in hand belongs to a connection that is gone: its reply is dropped.
    private var discardReply = false

    public init(service: String, configuration: Configuration, now: ContinuousClock.Instant) {
        self.service = service
        self.configuration = configuration
        self.lastHeard = now
        self.nextHeartbeat = now
    }

    /// True once the worker has closed for good.
    public var isClosed: Bool { phase == .closed }

    /// True while a request is in hand.
    public var isBusy: Bool { busyWith != nil }

    /// The next instant at which `tick` has something to do.
    public func nextDeadline() -> ContinuousClock.Instant {
        switch phase {
        case .connected:
            return min(nextHeartbeat, lastHeard.advanced(by: configuration.heartbeatInterval * configuration.liveness))
        case .disconnected:
            return reconnectAt ?? nextHeartbeat
        case .stopping(let closeBy):
            return min(closeBy, nextHeartbeat)
        case .closed:
            return nextHeartbeat.advanced(by: .seconds(3600))
        }
    }

    /// A new socket is connected to the broker.
    public mutating func connected(now: ContinuousClock.Instant) -> [Action] {
        guard phase == .disconnected else { return [] }
        phase = .connected
        reconnectAt = nil
        lastHeard = now
        nextHeartbeat = now.advanced(by: configuration.heartbeatInterval)
        if busyWith != nil {
            // Register only once the request of the old connection is finished.
            return [.log(.info, "connected; waiting for the request in hand before READY", ["service": service])]
        }
        return [.send(MDP.workerCommand(.ready, [Data(service.utf8)]))]
    }

    /// A message arrived from the broker.
    public mutating func receive(_ frames: [Data], now: ContinuousClock.Instant) -> [Action] {
        guard frames.count >= 3, frames[0].isEmpty, frames[1] == MDP.workerHeader, frames[2].count == 1,
              let command = MDP.Command(rawValue: frames[2][frames[2].startIndex]) else {
            return [.log(.warning, "dropped malformed message from broker", ["frames": "\(frames.count)"])]
        }
        switch phase {
        case .connected, .stopping: break
        case .disconnected, .closed: return []
        }
        lastHeard = now
        switch command {
        case .request:
            guard frames.count >= 6, frames[4].isEmpty, !frames[3].isEmpty else {
                return [.log(.warning, "dropped malformed REQUEST", ["frames": "\(frames.count)"])]
            }
            guard busyWith == nil else {
                return [.log(.warning, "dropped REQUEST while busy", [:])]
            }
            if case .stopping = phase {
                // The broker sent it before it saw our DISCONNECT: finish it.
                phase = .stopping(closeBy: now.advanced(by: configuration.drainTimeout))
            }
            busyWith = frames[3]
            return [.handle(client: frames[3], body: Array(frames[5...]))]
        case .heartbeat:
            return []
        case .disconnect:
            if case .stopping = phase {
                return close()
            }
            return reconnect(now: now, reason: "broker said DISCONNECT")
        case .ready, .reply:
            return [.log(.warning, "dropped unexpected command from broker", ["command": "\(command)"])]
        }
    }

    /// The handler finished the request in hand.
    public mutating func replyReady(_ body: [Data], now: ContinuousClock.Instant) -> [Action] {
        guard let client = busyWith else { return [] }
        busyWith = nil
        if discardReply {
            discardReply = false
            var actions: [Action] = [.log(.warning, "dropped reply of a request from a lost connection", ["service": service])]
            switch phase {
            case .connected: actions.append(.send(MDP.workerCommand(.ready, [Data(service.utf8)])))
            case .stopping: actions += close()
            default: break
            }
            return actions
        }
        let reply = Action.send(MDP.workerCommand(.reply, [client, Data()] + body))
        switch phase {
        case .connected:
            nextHeartbeat = now.advanced(by: configuration.heartbeatInterval)
            return [reply]
        case .stopping:
            return [reply] + close()
        case .disconnected, .closed:
            return []
        }
    }

    /// Time passed: heartbeats, broker liveness, reconnects and the end of draining.
    public mutating func tick(now: ContinuousClock.Instant) -> [Action] {
        switch phase {
        case .connected:
            if now >= lastHeard.advanced(by: configuration.heartbeatInterval * configuration.liveness) {
                return reconnect(now: now, reason: "broker silent for \(configuration.liveness) heartbeats")
            }
            if now >= nextHeartbeat {
                nextHeartbeat = now.advanced(by: configuration.heartbeatInterval)
                return [.send(MDP.workerCommand(.heartbeat))]
            }
            return []
        case .stopping(let closeBy):
            if now >= closeBy {
                guard busyWith != nil else { return close() }
                return [.log(.warning, "stopping without finishing the request in hand", ["service": service])] + close()
            }
            if now >= nextHeartbeat {
                nextHeartbeat = now.advanced(by: configuration.heartbeatInterval)
                return [.send(MDP.workerCommand(.heartbeat))]
            }
            return []
        case .disconnected, .closed:
            return []
        }
    }

    /// Begin a graceful stop: say DISCONNECT, finish the request in hand, then close.
    public mutating func stop(now: ContinuousClock.Instant) -> [Action] {
        switch phase {
        case .connected:
            if busyWith != nil {
                phase = .stopping(closeBy: now.advanced(by: configuration.drainTimeout))
            } else {
                phase = .stopping(closeBy: now.advanced(by: configuration.drainGrace))
            }
            return [.send(MDP.workerCommand(.disconnect)), .log(.info, "worker stopping", ["service": service])]
        case .disconnected:
            return close()
        case .stopping, .closed:
            return []
        }
    }

    private mutating func reconnect(now: ContinuousClock.Instant, reason: String) -> [Action] {
        phase = .disconnected
        let at = now.advanced(by: configuration.reconnectDelay)
        reconnectAt = at
        if busyWith != nil { discardReply = true }
        return [.log(.warning, "reconnecting to broker", ["service": service, "reason": reason]), .reconnect(at: at)]
    }

    private mutating func close() -> [Action] {
        phase = .closed
        return [.close]
    }
}
