import BusCore
import Foundation
import Model
import Testing

/// Unit tests of the broker's logic without sockets.
@Suite struct BrokerStateMachineTests {
    let clock = ContinuousClock()
    let worker1 = Data([0, 1, 1, 1, 1])
    let worker2 = Data([0, 2, 2, 2, 2])
    let client = Data([0, 9, 9, 9, 9])

    func ready(_ worker: Data, _ service: String = "echo") -> [Data] {
        [worker, Data(), MDP.workerHeader, MDP.Command.ready.frame, Data(service.utf8)]
    }

    func request(_ service: String = "echo", body: [Data] = [Data("hello".utf8)]) -> [Data] {
        [client, Data(), MDP.clientHeader, Data(service.utf8)] + body
    }

    func reply(from worker: Data, to client: Data, body: [Data] = [Data("world".utf8)]) -> [Data] {
        [worker, Data(), MDP.workerHeader, MDP.Command.reply.frame, client, Data()] + body
    }

    func sends(_ actions: [BrokerStateMachine.Action]) -> [(Data, [Data])] {
        actions.compactMap { if case .send(let to, let frames) = $0 { return (to, frames) } else { return nil } }
    }

    func machine(_ now: ContinuousClock.Instant, expiry: Duration = .seconds(30)) -> BrokerStateMachine {
        BrokerStateMachine(configuration: .init(heartbeatInterval: .milliseconds(100), liveness: 3, requestExpiry: expiry), now: now)
    }

    @Test func dispatchesRequestToReadyWorkerAndForwardsReply() {
        let now = clock.now
        var broker = machine(now)
        #expect(sends(broker.receive(ready(worker1), now: now)).isEmpty)
        let dispatched = sends(broker.receive(request(), now: now))
        #expect(dispatched.count == 1)
        #expect(dispatched[0].0 == worker1)
        #expect(dispatched[0].1 == [Data(), MDP.workerHeader, MDP.Command.request.frame, client, Data(), Data("hello".utf8)])
        let forwarded = sends(broker.receive(reply(from: worker1, to: client), now: now))
        #expect(forwarded.count == 1)
        #expect(forwarded[0].0 == client)
        #expect(forwarded[0].1 == [Data(), MDP.clientHeader, Data("echo".utf8), Data("world".utf8)])
        #expect(broker.idleCount(for: "echo") == 1)
    }

    @Test func queuesRequestsUntilAWorkerIsReady() {
        let now = clock.now
        var broker = machine(now)
        #expect(sends(broker.receive(request(), now: now)).isEmpty)
        #expect(broker.queuedCount(for: "echo") == 1)
        let dispatched = sends(broker.receive(ready(worker1), now: now))
        #expect(dispatched.count == 1)
        #expect(broker.queuedCount(for: "echo") == 0)
    }

    @Test func dispatchesToTheLeastRecentlyUsedWorker() {
        let now = clock.now
        var broker = machine(now)
        _ = broker.receive(ready(worker1), now: now)
        _ = broker.receive(ready(worker2), now: now)
        var order: [Data] = []
        for _ in 0..<4 {
            let sent = sends(broker.receive(request(), now: now))
            let worker = sent[0].0
            order.append(worker)
            _ = broker.receive(reply(from: worker, to: client), now: now)
        }
        #expect(order == [worker1, worker2, worker1, worker2])
    }

    @Test func answersMMIServiceWith200Or404And501ForOtherMMI() {
        let now = clock.now
        var broker = machine(now)
        _ = broker.receive(ready(worker1), now: now)
        let known = sends(broker.receive(request("mmi.service", body: [Data("echo".utf8)]), now: now))
        #expect(known[0].1 == [Data(), MDP.clientHeader, Data("mmi.service".utf8), Data("200".utf8)])
        let unknown = sends(broker.receive(request("mmi.service", body: [Data("nope".utf8)]), now: now))
        #expect(unknown[0].1.last == Data("404".utf8))
        let other = sends(broker.receive(request("mmi.echo", body: [Data()]), now: now))
        #expect(other[0].1 == [Data(), MDP.clientHeader, Data("mmi.echo".utf8), Data("501".utf8)])
    }

    @Test func listsServicesWithWorkerCounts() throws {
        let now = clock.now
        var broker = machine(now)
        _ = broker.receive(ready(worker1), now: now)
        _ = broker.receive(ready(worker2), now: now)
        _ = broker.receive(request(), now: now)
        let answer = sends(broker.receive(request("mmi.services", body: [Data()]), now: now))
        #expect(answer[0].1[3] == Data("200".utf8))
        let summaries = try JSONDecoder().decode([ServiceSummary].self, from: answer[0].1[4])
        #expect(summaries == [ServiceSummary(service: "echo", workers: 2, idle: 1, queued: 0)])
    }

    @Test func refusesMMIRegistrationSecondReadyAndReplyBeforeReady() {
        let now = clock.now
        var broker = machine(now)
        let disconnect = [Data(), MDP.workerHeader, MDP.Command.disconnect.frame]
        #expect(sends(broker.receive(ready(worker1, "mmi.service"), now: now)).map(\.1) == [disconnect])
        #expect(broker.workerCount(for: "mmi.service") == 0)
        _ = broker.receive(ready(worker2), now: now)
        #expect(sends(broker.receive(ready(worker2), now: now)).map(\.1) == [disconnect])
        #expect(broker.workerCount(for: "echo") == 0)
        #expect(sends(broker.receive(reply(from: worker1, to: client), now: now)).map(\.1) == [disconnect])
        let rogueRequest = [worker1, Data(), MDP.workerHeader, MDP.Command.request.frame, client, Data(), Data("x".utf8)]
        #expect(sends(broker.receive(rogueRequest, now: now)).map(\.1) == [disconnect])
    }

    @Test func dropsMalformedMessagesWithOnlyALogLine() {
        let now = clock.now
        var broker = machine(now)
        _ = broker.receive(ready(worker1), now: now)
        let malformed: [[Data]] = [
            [client],                                                               // identity only
            [client, Data()],                                                       // no header
            [client, Data("x".utf8), MDP.clientHeader, Data("echo".utf8), Data()],  // no empty delimiter
            [client, Data(), Data("MDPC02".utf8), Data("echo".utf8), Data()],       // wrong header
            [client, Data(), MDP.clientHeader, Data("echo".utf8)],                  // no body
            [client, Data(), MDP.clientHeader, Data(), Data("x".utf8)],             // empty service
            [worker1, Data(), MDP.workerHeader, Data([0x09])],                      // unknown command byte
            [worker1, Data(), MDP.workerHeader, Data([0x01, 0x02])],                // two-byte command
            [worker1, Data(), MDP.workerHeader, MDP.Command.heartbeat.frame, Data("x".utf8)], // heartbeat with extra frame
            [worker1, Data(), MDP.workerHeader, MDP.Command.reply.frame, client],   // reply without body
            [worker1, Data(), MDP.workerHeader, MDP.Command.ready.frame],           // ready without service
        ]
        for message in malformed {
            let actions = broker.receive(message, now: now)
            #expect(sends(actions).isEmpty, "message of \(message.count) frames caused a send")
            #expect(actions.count == 1)
        }
        #expect(broker.workerCount(for: "echo") == 1)
        #expect(sends(broker.receive(request(), now: now)).count == 1)
    }

    @Test func purgesWorkerAfterThreeMissedHeartbeats() {
        let start = clock.now
        var broker = machine(start)
        _ = broker.receive(ready(worker1), now: start)
        _ = broker.tick(now: start.advanced(by: .milliseconds(250)))
        #expect(broker.workerCount(for: "echo") == 1)
        _ = broker.tick(now: start.advanced(by: .milliseconds(300)))
        #expect(broker.workerCount(for: "echo") == 0)
    }

    @Test func heartbeatKeepsWorkerAliveAndBrokerSendsHeartbeats() {
        let start = clock.now
        var broker = machine(start)
        _ = broker.receive(ready(worker1), now: start)
        let heartbeat = [worker1, Data(), MDP.workerHeader, MDP.Command.heartbeat.frame]
        _ = broker.receive(heartbeat, now: start.advanced(by: .milliseconds(200)))
        let actions = broker.tick(now: start.advanced(by: .milliseconds(400)))
        #expect(broker.workerCount(for: "echo") == 1)
        #expect(sends(actions).map(\.1) == [[Data(), MDP.workerHeader, MDP.Command.heartbeat.frame]])
    }

    @Test func expiresQueuedRequestWithAnErrorReplyThatEchoesTheRequestId() throws {
        let start = clock.now
        var broker = machine(start, expiry: .milliseconds(300))
        let body = BusRequest(operation: "x.y", headers: RequestHeaders(requestId: "req-7"), payload: Data("{}".utf8)).frames()
        _ = broker.receive(request("nobody", body: body), now: start)
        #expect(sends(broker.tick(now: start.advanced(by: .milliseconds(200)))).isEmpty)
        let expired = sends(broker.tick(now: start.advanced(by: .milliseconds(301))))
        #expect(expired.count == 1)
        #expect(expired[0].0 == client)
        let reply = try BusReply(frames: Array(expired[0].1[3...]))
        #expect(reply.status == 503)
        #expect(reply.headers.requestId == "req-7")
        #expect(reply.error.code == "queue_expired")
        #expect(broker.queuedCount(for: "nobody") == 0)
    }

    @Test func forwardsTheReplyOfAWorkerThatDisconnectsWhileBusy() {
        let now = clock.now
        var broker = machine(now)
        _ = broker.receive(ready(worker1), now: now)
        _ = broker.receive(request(), now: now)
        _ = broker.receive([worker1, Data(), MDP.workerHeader, MDP.Command.disconnect.frame], now: now)
        #expect(broker.workerCount(for: "echo") == 0)
        // A new request is not dispatched to the draining worker.
        #expect(sends(broker.receive(request(), now: now)).isEmpty)
        let forwarded = sends(broker.receive(reply(from: worker1, to: client), now: now))
        #expect(forwarded.map(\.0) == [client])
        #expect(broker.queuedCount(for: "echo") == 1)
    }

    @Test func dropsTheRequestOfABusyWorkerThatDies() {
        let start = clock.now
        var broker = machine(start)
        _ = broker.receive(ready(worker1), now: start)
        _ = broker.receive(request(), now: start)
        _ = broker.tick(now: start.advanced(by: .milliseconds(300)))
        #expect(broker.workerCount(for: "echo") == 0)
        _ = broker.receive(ready(worker2), now: start.advanced(by: .milliseconds(310)))
        // The lost request is not re-sent by the broker; the client's retry will be.
        #expect(broker.idleCount(for: "echo") == 1)
    }
}
