import Foundation

/// One operation of one service: its name on the wire, its version and its input and output.
///
/// Every operation's contract is declared once, here in `Model`, and used by both the service
/// that answers it and every client that calls it.
public protocol Contract: Sendable {
    associatedtype Request: Codable & Sendable
    associatedtype Response: Codable & Sendable
    /// The service name on the bus, e.g. `storage`.
    static var service: String { get }
    /// The operation frame, e.g. `organisation.create`.
    static var operation: String { get }
    /// Incremented when the request or response changes incompatibly.
    static var version: Int { get }
}

/// A request or reply without content.
public struct Empty: Codable, Sendable, Hashable {
    public init() {}
}

/// The names of the services on the bus.
public enum ServiceName {
    public static let storage = "storage"
    public static let indicators = "indicators"
    public static let participation = "participation"
    public static let reporting = "reporting"
    /// Every domain service, in the order `hyte up` starts them.
    public static let all = [storage, indicators, participation, reporting]
}

/// `health`: answered by every service. The contract is the same for each; only the service differs.
public struct HealthReport: Codable, Sendable, Hashable {
    public var service: String
    public var status: String
    public var version: String
    public var pid: Int32
    public var startedAt: Date
    /// Operations this worker answers.
    public var operations: [String]
    /// Service-specific facts (database backend, schema version …).
    public var details: [String: String]

    public init(service: String, status: String = "ok", version: String, pid: Int32, startedAt: Date,
                operations: [String], details: [String: String] = [:]) {
        self.service = service
        self.status = status
        self.version = version
        self.pid = pid
        self.startedAt = startedAt
        self.operations = operations
        self.details = details
    }
}

/// The operation name of the health check, the same on every service.
public enum HealthOperation {
    public static let name = "health"
    public static let version = 1
}

/// The version of the Hyte software, reported by `health`.
public enum HyteVersion {
    public static let current = "0.1.0"
}
