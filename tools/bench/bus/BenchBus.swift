import ArgumentParser
import BusCore
import BusZMQ
import CZeroMQ
import Foundation
import Logging
import Model

/// `hyte-bench-bus`: measures the bus against a direct libzmq REQ/REP pair, and serves as an
/// echo worker process for end-to-end tests.
@main
struct BenchBus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte-bench-bus",
        abstract: "Bus benchmark and echo worker.",
        subcommands: [Run.self, EchoWorker.self, BrokerProcess.self, SyncClientProcess.self, RawWorker.self, MachineOnly.self],
        defaultSubcommand: Run.self)
}

/// The reply of the echo worker: `pid;payload`, so that a test can tell which process answered.
func echoReply(_ body: [Data], delay: Duration?) async -> [Data] {
    guard let request = try? BusRequest(frames: body) else {
        return BusReply(status: .badRequest, requestId: "", error: .init(code: "malformed_request", message: "not a Hyte request")).frames()
    }
    if let delay { try? await Task.sleep(for: delay) }
    var payload = Data("\(ProcessInfo.processInfo.processIdentifier);".utf8)
    payload.append(request.payload)
    return BusReply(status: 200, headers: ReplyHeaders(requestId: request.headers.requestId), payload: payload).frames()
}

struct EchoWorker: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Run an echo worker until SIGTERM or SIGKILL.")

    @Option(help: "Broker endpoint.") var bus: String
    @Option(help: "Service name.") var service = "echo"
    @Option(help: "Milliseconds each request takes.") var delayMs = 0
    @Option(help: "Heartbeat interval in milliseconds.") var heartbeatMs = 2500
    @Flag(help: "Answer on the socket thread instead of handing each request to async code.") var inline = false

    func run() async throws {
        let heartbeat = Duration.milliseconds(heartbeatMs)
        let worker = MajordomoWorker(endpoint: bus, service: service,
                                     configuration: .init(heartbeatInterval: heartbeat, reconnectDelay: heartbeat))
        let delay: Duration? = delayMs > 0 ? .milliseconds(delayMs) : nil
        signal(SIGTERM, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGTERM)
        source.setEventHandler { worker.stop() }
        source.resume()
        if inline {
            await worker.runInline { body in echoReplyNow(body) }
        } else {
            await worker.run { body in await echoReply(body, delay: delay) }
        }
        source.cancel()
    }
}

/// The echo reply computed synchronously, for the inline worker.
func echoReplyNow(_ body: [Data]) -> [Data] {
    guard let request = try? BusRequest(frames: body) else {
        return BusReply(status: .badRequest, requestId: "", error: .init(code: "malformed_request", message: "not a Hyte request")).frames()
    }
    var payload = Data("\(ProcessInfo.processInfo.processIdentifier);".utf8)
    payload.append(request.payload)
    return BusReply(status: 200, headers: ReplyHeaders(requestId: request.headers.requestId), payload: payload).frames()
}

/// A minimal MDP worker written straight on libzmq with blocking calls: a floor for comparison.
struct RawWorker: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rawworker", abstract: "Minimal blocking libzmq echo worker.")
    @Option(help: "Broker endpoint.") var bus: String

    func run() throws {
        let context = zmq_ctx_new()
        let socket = zmq_socket(context, ZMQ_DEALER)!
        zmq_connect(socket, bus)
        func send(_ frames: [Data]) {
            for (index, frame) in frames.enumerated() {
                _ = frame.withUnsafeBytes { zmq_send(socket, $0.baseAddress, $0.count, index < frames.count - 1 ? ZMQ_SNDMORE : 0) }
            }
        }
        send([Data(), Data("MDPW01".utf8), Data([1]), Data("echo".utf8)])
        let reply = [Data("200".utf8), Data(#"{"requestId":"x"}"#.utf8), Data()]
        while true {
            var frames: [Data] = []
            repeat {
                var message = zmq_msg_t()
                zmq_msg_init(&message)
                let size = zmq_msg_recv(&message, socket, 0)
                if size < 0 { return }
                frames.append(Data(bytes: zmq_msg_data(&message), count: Int(size)))
                let more = zmq_msg_more(&message)
                zmq_msg_close(&message)
                if more == 0 { break }
            } while true
            if frames.count >= 6, frames[2] == Data([2]) {
                send([Data(), Data("MDPW01".utf8), Data([3]), frames[3], Data()] + reply)
            }
        }
    }
}

/// The broker's state machine alone: one request and its reply per round, no sockets.
struct MachineOnly: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "machine", abstract: "Time the broker state machine without sockets.")
    @Option(help: "Rounds.") var rounds = 200_000

    func run() {
        let clock = ContinuousClock()
        var machine = BrokerStateMachine(configuration: .init(), now: clock.now)
        let worker = Data([0, 1, 2, 3, 4])
        let client = Data([0, 9, 9, 9, 9])
        _ = machine.receive([worker, Data(), MDP.workerHeader, MDP.Command.ready.frame, Data("echo".utf8)], now: clock.now)
        let body = BusRequest(operation: "echo", headers: RequestHeaders(requestId: "1")).frames()
        let reply = BusReply(status: 200, headers: ReplyHeaders(requestId: "1"), payload: Data()).frames()
        let start = clock.now
        var sent = 0
        for _ in 0..<rounds {
            let now = clock.now
            sent += machine.receive([client, Data(), MDP.clientHeader, Data("echo".utf8)] + body, now: now).count
            sent += machine.receive([worker, Data(), MDP.workerHeader, MDP.Command.reply.frame, client, Data()] + reply, now: now).count
            if now >= machine.nextDeadline() { sent += machine.tick(now: now).count }
        }
        let perRound = start.duration(to: clock.now) / rounds
        print("state machine: \(perRound) per request and reply (\(sent) actions)")
    }
}

struct SyncClientProcess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "client", abstract: "Send requests one at a time and print the rate.")
    @Option(help: "Broker endpoint.") var bus: String
    @Option(help: "Requests to send.") var requests = 10_000

    func run() throws {
        let client = try MajordomoSyncClient(endpoint: bus)
        let clock = ContinuousClock()
        let start = clock.now
        for index in 0..<requests {
            _ = try client.send(service: "echo", body: BusRequest(operation: "echo", headers: RequestHeaders(requestId: "\(index)")).frames())
        }
        print(String(format: "%.0f req/s", Double(requests) / start.duration(to: clock.now).seconds))
    }
}

struct BrokerProcess: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "broker", abstract: "Run a broker until SIGTERM.")
    @Option(help: "Endpoint to bind.") var bus: String

    func run() async throws {
        var logger = Logger(label: "bench-broker")
        logger.logLevel = .error
        let broker = MajordomoBroker(endpoint: bus, logger: logger)
        try broker.start()
        signal(SIGTERM, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGTERM)
        source.setEventHandler { broker.stop() }
        source.resume()
        await broker.waitUntilStopped()
        source.cancel()
    }
}

/// A child process of the benchmark: this same executable with other arguments.
final class BenchChild {
    let process = Process()
    init(_ arguments: [String]) throws {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        process.executableURL = URL(fileURLWithPath: exe)
        process.arguments = arguments
        try process.run()
    }
    func stop() {
        process.terminate()
        process.waitUntilExit()
    }
}

/// Latency samples and their summary.
struct Measurement {
    var name: String
    var requests: Int
    var seconds: Double
    var latencies: [Double]  // microseconds

    var rate: Double { Double(requests) / seconds }

    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return 0 }
        let sorted = latencies.sorted()
        return sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
    }
}

struct Run: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run the benchmark and print a table.")

    @Option(help: "Requests per measurement.") var requests = 100_000
    @Option(help: "Requests in flight for the pipelined measurement.") var inflight = 100
    @Option(help: "Payload bytes.") var payload = 32

    func run() async throws {
        let payloadData = Data(repeating: 0x61, count: payload)
        print("Bus benchmark: \(requests) requests of \(payload) bytes over tcp loopback, \(ProcessInfo.processInfo.activeProcessorCount) cores")

        let reference = try referenceReqRep(payload: payloadData)
        print(String(format: "  measured reference: %.0f req/s", reference.rate))

        var logger = Logger(label: "bench")
        logger.logLevel = .error
        var rows = [reference]

        // 1. Everything in this process, the worker's handler async (as in the services).
        let broker = MajordomoBroker(endpoint: "tcp://127.0.0.1:*", logger: logger, context: ZMQContext())
        let endpoint = try broker.start()
        let worker = MajordomoWorker(endpoint: endpoint, service: "echo", logger: logger, context: ZMQContext())
        let workerTask = Task { await worker.run { body in await echoReply(body, delay: nil) } }
        rows += try await measureAll(endpoint: endpoint, payload: payloadData, label: "one process, async handler", logger: logger)
        worker.stop()
        await workerTask.value
        broker.stop()
        await broker.waitUntilStopped()

        // 2. and 3. Broker and worker as processes of their own, as deployed.
        for inline in [false, true] {
            let port = 20000 + Int.random(in: 0..<20000)
            let endpoint = "tcp://127.0.0.1:\(port)"
            let brokerProcess = try BenchChild(["broker", "--bus", endpoint])
            let workerProcess = try BenchChild(["worker", "--bus", endpoint] + (inline ? ["--inline"] : []))
            rows += try await measureAll(endpoint: endpoint, payload: payloadData,
                                         label: inline ? "3 processes, inline handler" : "3 processes, async handler",
                                         logger: logger)
            workerProcess.stop()
            brokerProcess.stop()
        }

        print("")
        print("| measurement | requests | seconds | requests/s | p50 µs | p99 µs | ratio to reference |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for m in rows {
            print(String(format: "| %@ | %d | %.2f | %.0f | %.0f | %.0f | %.2f |", m.name, m.requests, m.seconds, m.rate,
                         m.percentile(0.5), m.percentile(0.99), m.rate / reference.rate))
        }
    }

    /// Sync, async one in flight, and pipelined measurements against a broker at `endpoint`.
    func measureAll(endpoint: String, payload: Data, label: String, logger: Logger) async throws -> [Measurement] {
        let client = MajordomoClient(endpoint: endpoint, logger: logger, context: ZMQContext())
        guard await client.waitForServices(["echo"], timeout: .seconds(10)).isEmpty else {
            throw ValidationError("the echo worker did not register")
        }
        var sync = try syncThroughBroker(endpoint: endpoint, payload: payload)
        sync.name = "\(label): sync REQ client"
        print(String(format: "  measured %@: %.0f req/s", sync.name, sync.rate))
        var one = try await asyncThroughBroker(client: client, payload: payload, inflight: 1, name: "")
        one.name = "\(label): async client, 1 in flight"
        print(String(format: "  measured %@: %.0f req/s", one.name, one.rate))
        var many = try await asyncThroughBroker(client: client, payload: payload, inflight: inflight, name: "")
        many.name = "\(label): async client, \(inflight) in flight"
        print(String(format: "  measured %@: %.0f req/s", many.name, many.rate))
        await client.close()
        return [sync, one, many]
    }

    /// A direct REQ/REP pair with no broker: the reference.
    func referenceReqRep(payload: Data) throws -> Measurement {
        let context = zmq_ctx_new()
        defer { zmq_ctx_term(context) }
        let rep = zmq_socket(context, ZMQ_REP)!
        guard zmq_bind(rep, "tcp://127.0.0.1:*") == 0 else { throw ValidationError("bind failed") }
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        zmq_getsockopt(rep, ZMQ_LAST_ENDPOINT, &buffer, &size)
        let endpoint = String(cString: buffer)
        let count = requests
        nonisolated(unsafe) let repSocket = rep
        let server = Thread {
            var message = zmq_msg_t()
            for _ in 0..<count {
                zmq_msg_init(&message)
                zmq_msg_recv(&message, repSocket, 0)
                zmq_msg_send(&message, repSocket, 0)
                zmq_msg_close(&message)
            }
        }
        server.start()
        let req = zmq_socket(context, ZMQ_REQ)!
        var linger: Int32 = 0
        zmq_setsockopt(req, ZMQ_LINGER, &linger, 4)
        zmq_setsockopt(rep, ZMQ_LINGER, &linger, 4)
        zmq_connect(req, endpoint)
        var latencies: [Double] = []
        latencies.reserveCapacity(count)
        let clock = ContinuousClock()
        let start = clock.now
        var reply = zmq_msg_t()
        for _ in 0..<count {
            let t0 = clock.now
            _ = payload.withUnsafeBytes { zmq_send(req, $0.baseAddress, $0.count, 0) }
            zmq_msg_init(&reply)
            zmq_msg_recv(&reply, req, 0)
            zmq_msg_close(&reply)
            latencies.append(t0.duration(to: clock.now).microseconds)
        }
        let seconds = start.duration(to: clock.now).seconds
        zmq_close(req)
        while !server.isFinished { usleep(1000) }
        zmq_close(rep)
        return Measurement(name: "reference: libzmq REQ/REP, no broker", requests: count, seconds: seconds, latencies: latencies)
    }

    /// One request at a time through the broker with the synchronous REQ client.
    func syncThroughBroker(endpoint: String, payload: Data) throws -> Measurement {
        let client = try MajordomoSyncClient(endpoint: endpoint, context: ZMQContext())
        let clock = ContinuousClock()
        var latencies: [Double] = []
        latencies.reserveCapacity(requests)
        let start = clock.now
        for index in 0..<requests {
            let request = BusRequest(operation: "echo", headers: RequestHeaders(requestId: String(index)), payload: payload)
            let t0 = clock.now
            let reply = try client.request(service: "echo", request, options: RequestOptions(timeout: .seconds(10), retries: 0))
            latencies.append(t0.duration(to: clock.now).microseconds)
            guard reply.status == 200 else { throw ValidationError("reply status \(reply.status)") }
        }
        return Measurement(name: "Hyte broker, sync REQ client", requests: requests,
                           seconds: start.duration(to: clock.now).seconds, latencies: latencies)
    }

    /// Many requests in flight through the broker with the async DEALER client.
    func asyncThroughBroker(client: MajordomoClient, payload: Data, inflight: Int, name: String) async throws -> Measurement {
        let clock = ContinuousClock()
        let total = requests
        let start = clock.now
        let latencies = try await withThrowingTaskGroup(of: [Double].self) { group in
            for lane in 0..<inflight {
                group.addTask {
                    var samples: [Double] = []
                    var index = lane
                    while index < total {
                        let request = BusRequest(operation: "echo", headers: RequestHeaders(requestId: "\(index)"), payload: payload)
                        let t0 = clock.now
                        let reply = try await client.request(service: "echo", request, options: RequestOptions(timeout: .seconds(10), retries: 0))
                        samples.append(t0.duration(to: clock.now).microseconds)
                        guard reply.status == 200 else { throw ValidationError("reply status \(reply.status)") }
                        index += inflight
                    }
                    return samples
                }
            }
            var all: [Double] = []
            for try await samples in group { all += samples }
            return all
        }
        return Measurement(name: "Hyte broker, \(name)", requests: total, seconds: start.duration(to: clock.now).seconds,
                           latencies: latencies)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
    var microseconds: Double { Double(components.seconds) * 1e6 + Double(components.attoseconds) / 1e12 }
}
