import BusCore
@testable import BusZMQ
import Foundation
import Model
import Synchronization
import Testing

/// The broker, workers and clients over real libzmq sockets on loopback.
@Suite(.serialized) struct BusIntegrationTests {
    @Test func requestAndReplyThroughTheBroker() async throws {
        let broker = try startBroker()
        let endpoint = broker.boundEndpoint!
        let worker = RunningWorker(endpoint: endpoint, router: echoRouter(worker: "w1"))
        let client = MajordomoClient(endpoint: endpoint, logger: quietLogger)
        #expect(await client.waitForServices(["echo"], timeout: .seconds(10)).isEmpty)

        let reply = try await client.call(Echo.self, .init(text: "hei"))
        #expect(reply.text == "hei")
        #expect(reply.worker == "w1")

        let health = try await client.health(of: "echo")
        #expect(health.service == "echo")
        #expect(health.operations == ["echo", "health"])

        await client.close()
        await worker.stop()
        broker.stop()
        await broker.waitUntilStopped()
    }

    @Test func unknownOperationAndUndecodablePayloadGet400WithAReason() async throws {
        let broker = try startBroker()
        let endpoint = broker.boundEndpoint!
        let worker = RunningWorker(endpoint: endpoint, router: echoRouter(worker: "w1"))
        let client = MajordomoClient(endpoint: endpoint, logger: quietLogger)
        #expect(await client.waitForServices(["echo"], timeout: .seconds(10)).isEmpty)

        let unknown = try await client.request(service: "echo", BusRequest(operation: "echo.nope", payload: Data("{}".utf8)),
                                               options: RequestOptions())
        #expect(unknown.status == 400)
        #expect(unknown.error.code == "unknown_operation")
        #expect(unknown.error.message.contains("echo.nope"))

        let bad = try await client.request(service: "echo", BusRequest(operation: "echo", payload: Data(#"{"text": 5}"#.utf8)),
                                           options: RequestOptions())
        #expect(bad.status == 400)
        #expect(bad.error.code == "invalid_payload")
        #expect(bad.error.message.contains("$.text"))

        // A body that is not a Hyte request at all is still answered, with 400.
        let raw = try await client.management(service: "echo", body: [Data("just one frame".utf8)], options: RequestOptions())
        #expect(String(decoding: raw[0], as: UTF8.self) == "400")

        await client.close()
        await worker.stop()
        broker.stop()
        await broker.waitUntilStopped()
    }

    @Test func twoWorkersShareALoadOfAThousandRequests() async throws {
        let broker = try startBroker()
        let endpoint = broker.boundEndpoint!
        let first = RunningWorker(endpoint: endpoint, router: echoRouter(worker: "w1"))
        let second = RunningWorker(endpoint: endpoint, router: echoRouter(worker: "w2"))
        let client = MajordomoClient(endpoint: endpoint, logger: quietLogger)
        try await eventually("both workers registered") {
            try await client.brokerServices().first { $0.service == "echo" }?.workers == 2
        }

        let replies = try await withThrowingTaskGroup(of: [Echo.Response].self) { group in
            for lane in 0..<50 {
                group.addTask {
                    var replies: [Echo.Response] = []
                    for index in stride(from: lane, to: 1000, by: 50) {
                        let reply = try await client.call(Echo.self, .init(text: "\(index)"))
                        #expect(reply.text == "\(index)")
                        replies.append(reply)
                    }
                    return replies
                }
            }
            var all: [Echo.Response] = []
            for try await batch in group { all += batch }
            return all
        }
        #expect(replies.count == 1000)
        #expect(Set(replies.map(\.text)).count == 1000)
        let byWorker = Dictionary(grouping: replies, by: \.worker).mapValues(\.count)
        #expect(byWorker["w1", default: 0] >= 100, "w1 served \(byWorker["w1", default: 0])")
        #expect(byWorker["w2", default: 0] >= 100, "w2 served \(byWorker["w2", default: 0])")
        #expect(first.worker.handledCount + second.worker.handledCount == 1000)

        await client.close()
        await first.stop()
        await second.stop()
        broker.stop()
        await broker.waitUntilStopped()
    }

    @Test func unknownServiceIsReported404AndItsRequestExpiresWithAnErrorReply() async throws {
        let broker = try startBroker(requestExpiry: .milliseconds(300))
        let client = MajordomoClient(endpoint: broker.boundEndpoint!, logger: quietLogger)
        #expect(try await client.serviceIsRegistered("nobody") == false)
        let reply = try await client.request(service: "nobody", BusRequest(operation: "x", payload: Data("{}".utf8)),
                                             options: RequestOptions(timeout: .seconds(10), retries: 0))
        #expect(reply.status == 503)
        #expect(reply.error.code == "queue_expired")
        #expect(reply.error.message.contains("nobody"))
        let other = try await client.management(service: "mmi.other", body: [Data()], options: RequestOptions())
        #expect(other == [Data("501".utf8)])
        await client.close()
        broker.stop()
        await broker.waitUntilStopped()
    }

    @Test func malformedAndUnexpectedMessagesLeaveTheBrokerServingOthers() async throws {
        let broker = try startBroker()
        let endpoint = broker.boundEndpoint!
        let worker = RunningWorker(endpoint: endpoint, router: echoRouter(worker: "w1"))
        let client = MajordomoClient(endpoint: endpoint, logger: quietLogger)
        #expect(await client.waitForServices(["echo"], timeout: .seconds(10)).isEmpty)
        let disconnect = [Data(), MDP.workerHeader, MDP.Command.disconnect.frame]

        // Malformed: dropped silently (the socket gets nothing back), broker keeps serving.
        let raw = try ZMQSocket(context: .shared, type: .dealer, linger: .zero)
        try raw.connect(endpoint)
        let malformed: [[Data]] = [
            [Data()],
            [Data("no delimiter".utf8), MDP.clientHeader, Data("echo".utf8), Data("x".utf8)],
            [Data(), Data("MDPX01".utf8), Data("echo".utf8), Data("x".utf8)],
            [Data(), MDP.clientHeader, Data("echo".utf8)],
            [Data(), MDP.workerHeader, Data([0x2A])],
            [Data(), MDP.workerHeader, MDP.Command.heartbeat.frame, Data("extra".utf8)],
            [Data(), MDP.workerHeader, MDP.Command.ready.frame],
        ]
        for message in malformed { raw.send(message) }
        #expect(try await client.call(Echo.self, .init(text: "still here")).text == "still here")
        #expect(receive(raw, timeout: .milliseconds(200)) == nil)

        // Unexpected but valid commands: answered with DISCONNECT.
        let rogue = try ZMQSocket(context: .shared, type: .dealer, linger: .zero)
        try rogue.connect(endpoint)
        rogue.send(MDP.workerCommand(.reply, [Data([1, 2, 3]), Data(), Data("x".utf8)]))          // REPLY before READY
        #expect(receive(rogue) == disconnect)
        rogue.send(MDP.workerCommand(.ready, [Data("mmi.service".utf8)]))                          // mmi.* READY
        #expect(receive(rogue) == disconnect)
        let twice = try ZMQSocket(context: .shared, type: .dealer, linger: .zero)
        try twice.connect(endpoint)
        twice.send(MDP.workerCommand(.ready, [Data("rogue".utf8)]))
        try await eventually("rogue registered") { try await client.serviceIsRegistered("rogue") }
        twice.send(MDP.workerCommand(.ready, [Data("rogue".utf8)]))                                // second READY
        #expect(receive(twice) == disconnect)
        #expect(try await client.serviceIsRegistered("rogue") == false)
        #expect(try await client.serviceIsRegistered("mmi.service") == false)

        #expect(try await client.call(Echo.self, .init(text: "after")).text == "after")
        raw.close(); rogue.close(); twice.close()
        await client.close()
        await worker.stop()
        broker.stop()
        await broker.waitUntilStopped()
    }

    @Test func gracefulShutdownOfAWorkerUnderLoadLosesNoReply() async throws {
        let broker = try startBroker()
        let endpoint = broker.boundEndpoint!
        let handledByFirst = Counter()
        let stopper = StopSwitch()
        let first = RunningWorker(endpoint: endpoint, router: echoRouter(worker: "w1") {
            try? await Task.sleep(for: .milliseconds(1))
            if handledByFirst.increment() == 50 { stopper.fire() }
        })
        stopper.action = { first.worker.stop() }
        let second = RunningWorker(endpoint: endpoint, router: echoRouter(worker: "w2") {
            try? await Task.sleep(for: .milliseconds(1))
        })
        let client = MajordomoClient(endpoint: endpoint, logger: quietLogger)
        try await eventually("both workers registered") {
            try await client.brokerServices().first { $0.service == "echo" }?.workers == 2
        }
        let total = 400
        let answered = try await withThrowingTaskGroup(of: Int.self) { group in
            for lane in 0..<20 {
                group.addTask {
                    var count = 0
                    for index in stride(from: lane, to: total, by: 20) {
                        let reply = try await client.call(Echo.self, .init(text: "\(index)"),
                                                          options: RequestOptions(timeout: .seconds(20), retries: 0))
                        #expect(reply.text == "\(index)")
                        count += 1
                    }
                    return count
                }
            }
            return try await group.reduce(0, +)
        }
        #expect(answered == total)
        await first.task.value   // the first worker really stopped
        #expect(handledByFirst.current >= 50)
        #expect(client.statistics.resent == 0)
        #expect(client.statistics.answered == total)
        #expect(try await client.brokerServices().first { $0.service == "echo" }?.workers == 1)

        await client.close()
        await second.stop()
        broker.stop()
        await broker.waitUntilStopped()
    }

    @Test func workerRegistersAgainWhenTheBrokerComesBack() async throws {
        let firstBroker = try startBroker()
        let endpoint = firstBroker.boundEndpoint!
        let worker = RunningWorker(endpoint: endpoint, router: echoRouter(worker: "w1"))
        let client = MajordomoClient(endpoint: endpoint, logger: quietLogger)
        #expect(await client.waitForServices(["echo"], timeout: .seconds(10)).isEmpty)
        firstBroker.stop()
        await firstBroker.waitUntilStopped()

        // libzmq releases the port on its I/O thread after the close: try the bind until it is free.
        var secondBroker: MajordomoBroker?
        try await eventually("the port is free again") {
            let broker = MajordomoBroker(endpoint: endpoint, configuration: .init(heartbeatInterval: testHeartbeat), logger: quietLogger)
            guard (try? broker.start()) != nil else { return false }
            secondBroker = broker
            return true
        }
        let restarted = try #require(secondBroker)
        #expect(await client.waitForServices(["echo"], timeout: .seconds(10)).isEmpty)
        #expect(try await client.call(Echo.self, .init(text: "again")).text == "again")
        #expect(worker.worker.registrationCount >= 2)

        await client.close()
        await worker.stop()
        restarted.stop()
        await restarted.waitUntilStopped()
    }
}

/// Fires an action once, from whichever task gets there first.
final class StopSwitch: Sendable {
    private let stored = Mutex<(@Sendable () -> Void)?>(nil)
    private let fired = Counter()
    var action: (@Sendable () -> Void)? {
        get { stored.withLock { $0 } }
        set { stored.withLock { $0 = newValue } }
    }
    func fire() { if fired.increment() == 1 { action?() } }
}
