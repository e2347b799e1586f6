import Foundation
import Model

/// How long to wait for a reply and how often to try again.
public struct RequestOptions: Sendable, Hashable {
    /// Time to wait for each attempt.
    public var timeout: Duration
    /// Further attempts after the first one times out.
    public var retries: Int

    public init(timeout: Duration = .seconds(5), retries: Int = 2) {
        self.timeout = timeout
        self.retries = retries
    }

    /// One attempt with the given timeout.
    public static func once(_ timeout: Duration) -> RequestOptions { RequestOptions(timeout: timeout, retries: 0) }
}

/// Sends requests to services by name. Implemented over ZeroMQ (`BusZMQ`) and in memory (`BusTesting`).
public protocol BusClient: Sendable {
    /// Sends a Hyte request to `service` and waits for its reply.
    func request(service: String, _ request: BusRequest, options: RequestOptions) async throws -> BusReply

    /// Sends a raw body to a broker management service (`mmi.*`) and returns the reply body.
    func management(service: String, body: [Data], options: RequestOptions) async throws -> [Data]
}

extension BusClient {
    /// Calls a typed operation; a non-2xx reply is thrown as `ServiceCallError`.
    public func call<C: Contract>(
        _ contract: C.Type, _ input: C.Request, headers: RequestHeaders = RequestHeaders(),
        options: RequestOptions = RequestOptions()
    ) async throws -> C.Response {
        var headers = headers
        headers.contractVersion = C.version
        let request = BusRequest(operation: C.operation, headers: headers, payload: try JSONCoding.encoder.encode(input))
        let reply = try await self.request(service: C.service, request, options: options)
        guard reply.isSuccess else {
            throw ServiceCallError(service: C.service, operation: C.operation, status: reply.status, error: reply.error)
        }
        do {
            return try JSONCoding.decoder.decode(C.Response.self, from: reply.payload)
        } catch {
            throw BusError.malformedReply("\(C.service) \(C.operation): \(JSONCoding.describe(error))")
        }
    }

    /// Asks the `health` operation of a service.
    public func health(of service: String, options: RequestOptions = RequestOptions(timeout: .seconds(2), retries: 0)) async throws -> HealthReport {
        let request = BusRequest(operation: HealthOperation.name, headers: RequestHeaders(), payload: Data("{}".utf8))
        let reply = try await self.request(service: service, request, options: options)
        guard reply.isSuccess else {
            throw ServiceCallError(service: service, operation: HealthOperation.name, status: reply.status, error: reply.error)
        }
        return try JSONCoding.decoder.decode(HealthReport.self, from: reply.payload)
    }

    /// `mmi.service`: true when at least one worker of `service` is registered with the broker.
    public func serviceIsRegistered(_ service: String, options: RequestOptions = RequestOptions(timeout: .seconds(2), retries: 0)) async throws -> Bool {
        let reply = try await management(service: MMI.service, body: [Data(service.utf8)], options: options)
        return reply.first.map { String(decoding: $0, as: UTF8.self) } == "200"
    }

    /// `mmi.services` (a Hyte extension): every service the broker knows with its worker counts.
    public func brokerServices(options: RequestOptions = RequestOptions(timeout: .seconds(2), retries: 0)) async throws -> [ServiceSummary] {
        let reply = try await management(service: MMI.services, body: [Data()], options: options)
        guard reply.count == 2, String(decoding: reply[0], as: UTF8.self) == "200" else {
            throw BusError.malformedReply("mmi.services answered \(reply.count) frame(s)")
        }
        return try JSONCoding.decoder.decode([ServiceSummary].self, from: reply[1])
    }

    /// Waits until every service in `services` has a registered worker, asking the broker
    /// repeatedly until `timeout`; returns the services still missing (empty on success).
    public func waitForServices(_ services: [String], timeout: Duration, clock: ContinuousClock = ContinuousClock()) async -> [String] {
        let deadline = clock.now.advanced(by: timeout)
        var missing = services
        while true {
            var stillMissing: [String] = []
            for service in missing {
                let present = (try? await serviceIsRegistered(service, options: .once(.milliseconds(500)))) ?? false
                if !present { stillMissing.append(service) }
            }
            missing = stillMissing
            if missing.isEmpty || clock.now >= deadline { return missing }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}

/// What `mmi.services` says of one service.
public struct ServiceSummary: Codable, Sendable, Hashable {
    public var service: String
    /// Registered workers, idle or busy.
    public var workers: Int
    /// Workers waiting for work.
    public var idle: Int
    /// Requests queued for lack of a free worker.
    public var queued: Int

    public init(service: String, workers: Int, idle: Int, queued: Int) {
        self.service = service
        self.workers = workers
        self.idle = idle
        self.queued = queued
    }
}
