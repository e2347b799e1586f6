import Foundation
import Logging
import Model

/// What a handler knows about the request it serves, and how it reaches other services.
public struct RequestContext: Sendable {
    /// The request's headers: id, actor, deadline.
    public var headers: RequestHeaders
    /// A logger with the request id and operation as metadata.
    public var logger: Logger
    /// The bus, for handlers that gather data from other services (reporting).
    public var bus: (any BusClient)?

    public init(headers: RequestHeaders, logger: Logger, bus: (any BusClient)?) {
        self.headers = headers
        self.logger = logger
        self.bus = bus
    }

    /// The actor of the request, or the local operator when none was named.
    public var actor: Actor { headers.actor ?? .localOperator }

    /// The bus, or a 500 if this worker was built without one.
    public func requireBus() throws -> any BusClient {
        guard let bus else { throw ServiceError(.internalError, code: "no_bus", "this worker has no bus client") }
        return bus
    }
}

/// Maps operation names to handlers and turns request frames into reply frames.
///
/// A `Router` never throws: an unknown operation, a malformed body or a payload that does not
/// decode is answered `400` with a message that names what was wrong; an unexpected error is
/// answered `500` without internals.
public struct Router: Sendable {
    public typealias RawHandler = @Sendable (Data, RequestContext) async throws -> Data

    /// The service name, used in messages and in `health`.
    public let service: String
    private var routes: [String: RawHandler] = [:]
    private var healthDetails: @Sendable () async -> [String: String] = { [:] }
    private let startedAt = Date()

    public init(service: String) {
        self.service = service
    }

    /// The operations this router answers, sorted, including `health`.
    public var operations: [String] { (Array(routes.keys) + [HealthOperation.name]).sorted() }

    /// Adds a typed handler for a contract's operation.
    public mutating func on<C: Contract>(
        _ contract: C.Type,
        _ handler: @escaping @Sendable (C.Request, RequestContext) async throws -> C.Response
    ) {
        precondition(C.service == service, "\(C.operation) belongs to \(C.service), not \(service)")
        routes[C.operation] = { payload, context in
            let input: C.Request
            do {
                input = try JSONCoding.decoder.decode(C.Request.self, from: payload.isEmpty ? Data("{}".utf8) : payload)
            } catch {
                throw ServiceError(.badRequest, code: "invalid_payload",
                                   "the payload of '\(C.operation)' does not decode: \(JSONCoding.describe(error))")
            }
            return try JSONCoding.encoder.encode(try await handler(input, context))
        }
    }

    /// Adds facts to the `health` reply (backend, schema version, …).
    public mutating func healthDetails(_ provider: @escaping @Sendable () async -> [String: String]) {
        healthDetails = provider
    }

    /// Answers one request body; never throws.
    public func handle(frames: [Data], logger: Logger, bus: (any BusClient)?) async -> [Data] {
        let request: BusRequest
        do {
            request = try BusRequest(frames: frames)
        } catch {
            logger.warning("malformed request body", metadata: ["error": "\(error.message)"])
            return BusReply(status: .badRequest, requestId: "", error: error).frames()
        }
        return await handle(request, logger: logger, bus: bus).frames()
    }

    /// Answers one decoded request; never throws.
    public func handle(_ request: BusRequest, logger: Logger, bus: (any BusClient)?) async -> BusReply {
        var logger = logger
        logger[metadataKey: "requestId"] = "\(request.headers.requestId)"
        logger[metadataKey: "operation"] = "\(request.operation)"
        let requestId = request.headers.requestId
        if request.operation == HealthOperation.name {
            let report = HealthReport(service: service, version: HyteVersion.current, pid: ProcessInfo.processInfo.processIdentifier,
                                      startedAt: startedAt, operations: operations, details: await healthDetails())
            return BusReply(status: Status.ok.rawValue, headers: ReplyHeaders(requestId: requestId),
                            payload: (try? JSONCoding.encoder.encode(report)) ?? Data())
        }
        guard let route = routes[request.operation] else {
            return BusReply(status: .badRequest, requestId: requestId, error: ErrorBody(
                code: "unknown_operation",
                message: "service '\(service)' has no operation '\(request.operation)'; it answers: \(operations.joined(separator: ", "))"))
        }
        if let deadline = request.headers.deadline, deadline < Date() {
            return BusReply(status: .timeout, requestId: requestId,
                            error: ErrorBody(code: "deadline_passed", message: "the request's deadline passed before it was handled"))
        }
        let context = RequestContext(headers: request.headers, logger: logger, bus: bus)
        do {
            let payload = try await route(request.payload, context)
            return BusReply(status: Status.ok.rawValue, headers: ReplyHeaders(requestId: requestId), payload: payload)
        } catch let error as ServiceError {
            logger.info("request refused", metadata: ["status": "\(error.status.rawValue)", "code": "\(error.body.code)"])
            return BusReply(status: error.status, requestId: requestId, error: error.body)
        } catch let error as ServiceCallError {
            logger.warning("a dependency refused", metadata: ["error": "\(error)"])
            let status = Status(rawValue: error.status) ?? .internalError
            return BusReply(status: status, requestId: requestId, error: error.error)
        } catch let error as BusError {
            logger.warning("a dependency did not answer", metadata: ["error": "\(error)"])
            return BusReply(status: .serviceUnavailable, requestId: requestId,
                            error: ErrorBody(code: "dependency_unavailable", message: error.description))
        } catch {
            logger.error("operation failed", metadata: ["error": "\(error)"])
            return BusReply(status: .internalError, requestId: requestId,
                            error: ErrorBody(code: "internal_error", message: "the operation failed inside the service; see its log for request \(requestId)"))
        }
    }
}
