import Foundation
import Model

/// Errors of the bus itself (not of an operation): what a client sees when a request could not
/// be delivered or answered.
public enum BusError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No reply within the timeout after every retry.
    case timeout(service: String, operation: String, attempts: Int)
    /// The broker could not be reached at the endpoint.
    case brokerUnreachable(endpoint: String)
    /// A reply that is not in the Hyte body format.
    case malformedReply(String)
    /// The client was shut down while the request was pending.
    case closed
    /// A socket-level failure, with libzmq's message.
    case transport(String)

    public var description: String {
        switch self {
        case .timeout(let service, let operation, let attempts):
            "no reply from service '\(service)' to '\(operation)' after \(attempts) attempt(s); is the service running? (`hyte status`)"
        case .brokerUnreachable(let endpoint):
            "the broker at \(endpoint) does not answer; start the stack with `hyte up` or set HYTE_BUS"
        case .malformedReply(let detail):
            "a reply did not follow the Hyte body format: \(detail)"
        case .closed:
            "the bus client was closed"
        case .transport(let message):
            "bus transport error: \(message)"
        }
    }
}

/// An error thrown by a caller of a service: the reply's status and error body.
public struct ServiceCallError: Error, Sendable, CustomStringConvertible {
    public var service: String
    public var operation: String
    public var status: Int
    public var error: ErrorBody

    public init(service: String, operation: String, status: Int, error: ErrorBody) {
        self.service = service
        self.operation = operation
        self.status = status
        self.error = error
    }

    public var description: String { "\(service) \(operation): \(status) \(error.code): \(error.message)" }
}

/// An error a handler throws to answer with a given status and a message a person can act on.
public struct ServiceError: Error, Sendable, CustomStringConvertible {
    public var status: Status
    public var body: ErrorBody

    public init(_ status: Status, code: String, _ message: String, details: [String: String]? = nil) {
        self.status = status
        self.body = ErrorBody(code: code, message: message, details: details)
    }

    public static func badRequest(_ message: String, details: [String: String]? = nil) -> ServiceError {
        ServiceError(.badRequest, code: "bad_request", message, details: details)
    }

    public static func notFound(_ message: String, details: [String: String]? = nil) -> ServiceError {
        ServiceError(.notFound, code: "not_found", message, details: details)
    }

    public static func conflict(_ message: String, details: [String: String]? = nil) -> ServiceError {
        ServiceError(.conflict, code: "conflict", message, details: details)
    }

    public var description: String { "\(status.rawValue) \(body.code): \(body.message)" }
}
