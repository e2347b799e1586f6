import BusCore
import CZeroMQ
import Foundation
import Logging
import Synchronization

/// A Majordomo 0.1 worker for one service: one DEALER socket on a thread of its own, requests
/// handed to async code one at a time.
///
/// The socket thread keeps heartbeating while the handler works, so a long request does not
/// make the broker forget the worker. Protocol decisions are made by `WorkerStateMachine`.
public final class MajordomoWorker: Sendable {
    /// Handles one request body and returns the reply body.
    public typealias Handler = @Sendable ([Data]) async -> [Data]

    public let endpoint: String
    public let service: String
    public let configuration: WorkerStateMachine.Configuration
    private let logger: Logger
    private let context: ZMQContext
    private let stopRequested = Atomic<Bool>(false)
    private let wake = WakeUp()
    private let replies = Mailbox<[Data]>()
    private let stopped = Completion()
    private let counters = Mutex<(handled: Int, registrations: Int)>((0, 0))

    public init(endpoint: String, service: String, configuration: WorkerStateMachine.Configuration = .init(),
                logger: Logger = Logger(label: "hyte.worker"), context: ZMQContext = .shared) {
        self.endpoint = endpoint
        self.service = service
        self.configuration = configuration
        self.logger = logger
        self.context = context
    }

    /// Requests answered so far.
    public var handledCount: Int { counters.withLock { $0.handled } }

    /// How many times this worker has sent READY (1 + reconnections).
    public var registrationCount: Int { counters.withLock { $0.registrations } }

    /// Connects, registers and serves requests with `handler` until `stop` is called (graceful)
    /// or the task is cancelled (also graceful). Returns once the socket is closed.
    public func run(_ handler: @escaping Handler) async {
        let (jobs, jobSink) = AsyncStream.makeStream(of: [Data].self)
        let thread = Thread { [self] in
            loop(jobSink)
            jobSink.finish()
            stopped.finish()
        }
        thread.name = "hyte-worker-\(service)"
        thread.start()
        await withTaskCancellationHandler {
            for await body in jobs {
                let reply = await handler(body)
                replies.push(reply)
                wake.signal()
            }
        } onCancel: {
            stop()
        }
        await stopped.wait()
    }

    /// Like `run`, but calls a synchronous `handler` directly on the socket thread: no hop to
    /// async code per request. For handlers that only compute (no I/O, no waiting); the worker
    /// cannot heartbeat while such a handler runs.
    public func runInline(_ handler: @escaping @Sendable ([Data]) -> [Data]) async {
        let thread = Thread { [self] in
            let (_, sink) = AsyncStream.makeStream(of: [Data].self)
            loop(sink, inline: handler)
            stopped.finish()
        }
        thread.name = "hyte-worker-\(service)"
        thread.start()
        await withTaskCancellationHandler {
            await stopped.wait()
        } onCancel: {
            stop()
        }
    }

    /// Begins a graceful stop: DISCONNECT, finish the request in hand, close with a bounded linger.
    public func stop() {
        stopRequested.store(true, ordering: .releasing)
        wake.signal()
    }

    private func loop(_ jobs: AsyncStream<[Data]>.Continuation, inline: (@Sendable ([Data]) -> [Data])? = nil) {
        let clock = ContinuousClock()
        var machine = WorkerStateMachine(service: service, configuration: configuration, now: clock.now)
        var socket: ZMQSocket?
        var reconnectAt: ContinuousClock.Instant? = clock.now
        var stopping = false

        func perform(_ actions: [WorkerStateMachine.Action]) {
            for action in actions {
                switch action {
                case .send(let frames):
                    if frames.count == 4, frames[2] == MDP.Command.ready.frame {
                        counters.withLock { $0.registrations += 1 }
                        logger.info("worker ready", metadata: ["service": "\(service)", "endpoint": "\(endpoint)"])
                    }
                    if frames.count >= 3, frames[2] == MDP.Command.reply.frame {
                        counters.withLock { $0.handled += 1 }
                    }
                    socket?.send(frames)
                case .handle(_, let body):
                    if let inline {
                        replies.push(inline(body))
                    } else {
                        jobs.yield(body)
                    }
                case .reconnect(let at):
                    socket?.close()
                    socket = nil
                    reconnectAt = at
                case .close:
                    break
                case .log(let level, let message, let metadata):
                    logger.log(level: level.swiftLog, "\(message)", metadata: metadata.mapValues { .string($0) })
                }
            }
        }

        while !machine.isClosed {
            let now = clock.now
            if let at = reconnectAt, now >= at, !stopping {
                reconnectAt = nil
                do {
                    let fresh = try ZMQSocket(context: context, type: .dealer, linger: .milliseconds(500))
                    try fresh.connect(endpoint)
                    socket = fresh
                    perform(machine.connected(now: now))
                } catch {
                    logger.error("cannot open a socket to the broker", metadata: ["error": "\(error)"])
                    reconnectAt = now.advanced(by: configuration.reconnectDelay)
                }
            }
            if !stopping, stopRequested.load(ordering: .acquiring) {
                stopping = true
                perform(machine.stop(now: clock.now))
            }
            for reply in replies.drain() {
                perform(machine.replyReady(reply, now: clock.now))
            }
            if machine.isClosed { break }

            var deadline = machine.nextDeadline()
            if let at = reconnectAt, at < deadline { deadline = at }
            let sockets = socket.map { [$0] } ?? []
            let ready = Poller.wait(sockets: sockets, fds: [wake.fd], timeout: deadline.remaining(from: clock.now))
            if ready.fds[0] { wake.drain() }
            if let current = socket, ready.sockets.first == true {
                while socket === current, let frames = current.receive() {
                    perform(machine.receive(frames, now: clock.now))
                }
            }
            perform(machine.tick(now: clock.now))
        }
        socket?.close()
        logger.info("worker stopped", metadata: ["service": "\(service)"])
    }
}
