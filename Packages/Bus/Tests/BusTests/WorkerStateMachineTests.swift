import BusCore
import Foundation
import Testing

/// Unit tests of the worker's logic without sockets.
@Suite struct WorkerStateMachineTests {
    let clock = ContinuousClock()
    let client = Data([0, 9, 9, 9, 9])
    let configuration = WorkerStateMachine.Configuration(heartbeatInterval: .milliseconds(100), liveness: 3,
                                                         reconnectDelay: .milliseconds(50), drainGrace: .milliseconds(20),
                                                         drainTimeout: .seconds(1))

    var readyFrames: [Data] { [Data(), MDP.workerHeader, MDP.Command.ready.frame, Data("echo".utf8)] }

    func requestFrames(_ body: String = "hi") -> [Data] {
        [Data(), MDP.workerHeader, MDP.Command.request.frame, client, Data(), Data(body.utf8)]
    }

    @Test func sendsReadyOnConnectAndHandlesARequest() {
        let now = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: now)
        #expect(worker.connected(now: now) == [.send(readyFrames)])
        #expect(worker.receive(requestFrames(), now: now) == [.handle(client: client, body: [Data("hi".utf8)])])
        #expect(worker.isBusy)
        #expect(worker.replyReady([Data("ho".utf8)], now: now)
                == [.send([Data(), MDP.workerHeader, MDP.Command.reply.frame, client, Data(), Data("ho".utf8)])])
        #expect(!worker.isBusy)
    }

    @Test func heartbeatsAndReconnectsWhenTheBrokerIsSilent() {
        let start = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: start)
        _ = worker.connected(now: start)
        #expect(worker.tick(now: start.advanced(by: .milliseconds(100))) == [.send([Data(), MDP.workerHeader, MDP.Command.heartbeat.frame])])
        let actions = worker.tick(now: start.advanced(by: .milliseconds(300)))
        #expect(actions.contains(.reconnect(at: start.advanced(by: .milliseconds(350)))))
        #expect(worker.connected(now: start.advanced(by: .milliseconds(350))) == [.send(readyFrames)])
    }

    @Test func brokerHeartbeatKeepsTheConnection() {
        let start = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: start)
        _ = worker.connected(now: start)
        _ = worker.receive([Data(), MDP.workerHeader, MDP.Command.heartbeat.frame], now: start.advanced(by: .milliseconds(250)))
        let actions = worker.tick(now: start.advanced(by: .milliseconds(300)))
        #expect(!actions.contains { if case .reconnect = $0 { true } else { false } })
    }

    @Test func disconnectFromBrokerMeansRegisterAgainOnANewSocket() {
        let now = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: now)
        _ = worker.connected(now: now)
        let actions = worker.receive([Data(), MDP.workerHeader, MDP.Command.disconnect.frame], now: now)
        #expect(actions.contains(.reconnect(at: now.advanced(by: .milliseconds(50)))))
    }

    @Test func gracefulStopFinishesTheRequestInHandThenCloses() {
        let now = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: now)
        _ = worker.connected(now: now)
        _ = worker.receive(requestFrames(), now: now)
        let stop = worker.stop(now: now)
        #expect(stop.first == .send([Data(), MDP.workerHeader, MDP.Command.disconnect.frame]))
        #expect(!worker.isClosed)
        let finish = worker.replyReady([Data("done".utf8)], now: now)
        #expect(finish == [.send([Data(), MDP.workerHeader, MDP.Command.reply.frame, client, Data(), Data("done".utf8)]), .close])
        #expect(worker.isClosed)
    }

    @Test func idleStopServesARacingRequestThenCloses() {
        let now = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: now)
        _ = worker.connected(now: now)
        _ = worker.stop(now: now)
        #expect(worker.receive(requestFrames("late"), now: now) == [.handle(client: client, body: [Data("late".utf8)])])
        #expect(worker.replyReady([Data("ok".utf8)], now: now).last == .close)
    }

    @Test func idleStopClosesAfterTheGrace() {
        let now = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: now)
        _ = worker.connected(now: now)
        _ = worker.stop(now: now)
        #expect(worker.tick(now: now.advanced(by: .milliseconds(10))).isEmpty)
        #expect(worker.tick(now: now.advanced(by: .milliseconds(20))) == [.close])
    }

    @Test func busyStopGivesUpAfterTheDrainTimeoutAndSaysSo() {
        let now = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: now)
        _ = worker.connected(now: now)
        _ = worker.receive(requestFrames(), now: now)
        _ = worker.stop(now: now)
        #expect(!worker.tick(now: now.advanced(by: .milliseconds(500))).contains(.close))
        let actions = worker.tick(now: now.advanced(by: .seconds(1)))
        #expect(actions.last == .close)
        #expect(actions.contains { if case .log(.warning, let message, _) = $0 { message.contains("request in hand") } else { false } })
    }

    @Test func dropsTheReplyOfALostConnectionAndRegistersAfterIt() {
        let start = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: start)
        _ = worker.connected(now: start)
        _ = worker.receive(requestFrames(), now: start)
        _ = worker.tick(now: start.advanced(by: .milliseconds(300)))       // broker silent: reconnect
        let reconnected = worker.connected(now: start.advanced(by: .milliseconds(350)))
        #expect(!reconnected.contains(.send(readyFrames)))                 // not while busy
        let after = worker.replyReady([Data("stale".utf8)], now: start.advanced(by: .milliseconds(360)))
        #expect(after.contains(.send(readyFrames)))
        #expect(!after.contains { if case .send(let frames) = $0 { frames.count > 4 } else { false } })
    }

    @Test func dropsMalformedMessagesFromTheBroker() {
        let now = clock.now
        var worker = WorkerStateMachine(service: "echo", configuration: configuration, now: now)
        _ = worker.connected(now: now)
        for message in [[Data()], [Data(), Data("MDPW02".utf8), MDP.Command.request.frame],
                        [Data(), MDP.workerHeader, Data([0x07])],
                        [Data(), MDP.workerHeader, MDP.Command.request.frame, client]] {
            let actions = worker.receive(message, now: now)
            #expect(actions.allSatisfy { if case .log = $0 { true } else { false } })
        }
        #expect(!worker.isBusy)
    }
}
