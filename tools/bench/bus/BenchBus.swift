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
        subcommands: [Run.self, EchoWorker.self],
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

    func run() async throws {
        let heartbeat = Duration.milliseconds(heartbeatMs)
        let worker = MajordomoWorker(endpoint: bus, service: service,
                                     configuration: .init(heartbeatInterval: heartbeat, reconnectDelay: heartbeat))
        let delay: Duration? = delayMs > 0 ? .milliseconds(delayMs) : nil
        signal(SIGTERM, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGTERM)
        source.setEventHandler { worker.stop() }
        source.resume()
        await worker.run { body in await echoReply(body, delay: delay) }
        source.cancel()
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
        let broker = MajordomoBroker(endpoint: "tcp://127.0.0.1:*", logger: logger)
        let endpoint = try broker.start()
        let worker = MajordomoWorker(endpoint: endpoint, service: "echo", logger: logger)
        let workerTask = Task { await worker.run { body in await echoReply(body, delay: nil) } }
        let client = MajordomoClient(endpoint: endpoint, logger: logger)
        guard await client.waitForServices(["echo"], timeout: .seconds(10)).isEmpty else {
            throw ValidationError("the echo worker did not register")
        }

        let sync = try syncThroughBroker(endpoint: endpoint, payload: payloadData)
        print(String(format: "  measured sync through broker: %.0f req/s", sync.rate))
        let asyncOne = try await asyncThroughBroker(client: client, payload: payloadData, inflight: 1, name: "async client, 1 in flight")
        print(String(format: "  measured async, 1 in flight: %.0f req/s", asyncOne.rate))
        let pipelined = try await asyncThroughBroker(client: client, payload: payloadData, inflight: inflight,
                                                     name: "async client, \(inflight) in flight")
        await client.close()
        worker.stop()
        await workerTask.value
        broker.stop()
        await broker.waitUntilStopped()

        print("")
        print("| measurement | requests | seconds | requests/s | p50 µs | p99 µs | ratio to reference |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for m in [reference, sync, asyncOne, pipelined] {
            print(String(format: "| %@ | %d | %.2f | %.0f | %.0f | %.0f | %.2f |", m.name, m.requests, m.seconds, m.rate,
                         m.percentile(0.5), m.percentile(0.99), m.rate / reference.rate))
        }
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
        let client = try MajordomoSyncClient(endpoint: endpoint)
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
