import BusCore
import BusZMQ
import Foundation
import Model
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Failures of real processes: a worker killed during load, the broker killed and restarted.
@Suite(.serialized) struct FailureTests {
    @Test func killedWorkerIsDroppedAndItsRequestIsRetriedOnTheSurvivor() async throws {
        let endpoint = "tcp://127.0.0.1:\(freePort())"
        let broker = try Child("hyte-broker", ["--bus", endpoint, "--heartbeat-ms", "100"])
        // The doomed worker takes a minute per request: it is surely busy when it is killed.
        let doomed = try Child("hyte-bench-bus", ["worker", "--bus", endpoint, "--delay-ms", "60000", "--heartbeat-ms", "100"])
        let client = MajordomoClient(endpoint: endpoint)
        try await eventually("the doomed worker registered") { try await client.serviceIsRegistered("echo") }

        // One request goes to the doomed worker (the only one) and stays there.
        let stuckRequest = Task {
            try await client.request(service: "echo", BusRequest(operation: "echo", headers: RequestHeaders(requestId: "stuck"),
                                                                 payload: Data("stuck".utf8)),
                                     options: RequestOptions(timeout: .seconds(2), retries: 5))
        }
        try await eventually("the doomed worker is busy") {
            try await client.brokerServices().first { $0.service == "echo" }?.idle == 0
        }
        let survivor = try Child("hyte-bench-bus", ["worker", "--bus", endpoint, "--heartbeat-ms", "100"])
        try await eventually("the survivor registered") {
            try await client.brokerServices().first { $0.service == "echo" }?.workers == 2
        }

        // Load on the survivor while the doomed worker is killed.
        let load = Task {
            try await withThrowingTaskGroup(of: [String].self) { group in
                for lane in 0..<10 {
                    group.addTask {
                        var ids: [String] = []
                        for index in stride(from: lane, to: 300, by: 10) {
                            let reply = try await client.request(
                                service: "echo", BusRequest(operation: "echo", headers: RequestHeaders(requestId: "load-\(index)"),
                                                            payload: Data("\(index)".utf8)),
                                options: RequestOptions(timeout: .seconds(5), retries: 3))
                            #expect(reply.status == 200)
                            ids.append(reply.headers.requestId)
                        }
                        return ids
                    }
                }
                var all: [String] = []
                for try await ids in group { all += ids }
                return all
            }
        }
        let clock = ContinuousClock()
        let killedAt = clock.now
        doomed.kill(SIGKILL)
        try await eventually("the broker dropped the killed worker", timeout: .seconds(10)) {
            try await client.brokerServices().first { $0.service == "echo" }?.workers == 1
        }
        let droppedAfter = killedAt.duration(to: clock.now)
        // Liveness is 3 × 100 ms; allow generous slack for a loaded machine.
        #expect(droppedAfter < .seconds(3), "dropped after \(droppedAfter)")

        let stuck = try await stuckRequest.value
        #expect(stuck.status == 200)
        #expect(stuck.headers.requestId == "stuck")
        let answeredBy = String(decoding: stuck.payload, as: UTF8.self).split(separator: ";").first.map(String.init)
        #expect(answeredBy == String(survivor.pid))

        let ids = try await load.value
        #expect(ids.count == 300)
        #expect(Set(ids).count == 300)
        let statistics = client.statistics
        #expect(statistics.resent >= 1)
        #expect(statistics.answered == 301)   // every request answered exactly once
        await client.close()
        survivor.kill(SIGTERM)
        broker.kill(SIGTERM)
    }

    @Test func workersRegisterAgainAfterTheBrokerIsKilledAndRestarted() async throws {
        let endpoint = "tcp://127.0.0.1:\(freePort())"
        var broker = try Child("hyte-broker", ["--bus", endpoint, "--heartbeat-ms", "100"])
        let worker = try Child("hyte-bench-bus", ["worker", "--bus", endpoint, "--heartbeat-ms", "100"])
        let participation = try Child("hyte-participation", ["--bus", endpoint, "--heartbeat-ms", "100"])
        let client = MajordomoClient(endpoint: endpoint)
        #expect(await client.waitForServices(["echo", "participation"], timeout: .seconds(20)).isEmpty)

        broker.kill(SIGKILL)
        #expect((try? await client.serviceIsRegistered("echo", options: .once(.milliseconds(300)))) != true)
        broker = try Child("hyte-broker", ["--bus", endpoint, "--heartbeat-ms", "100"])
        #expect(await client.waitForServices(["echo", "participation"], timeout: .seconds(20)).isEmpty)

        let reply = try await client.request(service: "echo", BusRequest(operation: "echo", payload: Data("back".utf8)),
                                             options: RequestOptions(timeout: .seconds(5), retries: 2))
        #expect(reply.status == 200)
        #expect(String(decoding: reply.payload, as: UTF8.self) == "\(worker.pid);back")
        let health = try await client.health(of: "participation", options: RequestOptions(timeout: .seconds(5), retries: 2))
        #expect(health.pid == participation.pid)
        await client.close()
        worker.kill(SIGTERM)
        participation.kill(SIGTERM)
        broker.kill(SIGTERM)
    }
}
