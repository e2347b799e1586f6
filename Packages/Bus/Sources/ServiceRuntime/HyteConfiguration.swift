import ArgumentParser
import Foundation

/// The configuration every Hyte process reads: from the environment (12-factor), with
/// command-line flags overriding. Read once, in `main`.
public struct HyteConfiguration: Sendable, Hashable {
    /// Broker endpoint: the broker binds it, workers and clients connect to it. `HYTE_BUS`.
    public var bus: String
    /// Local state: SQLite file, pid files, logs of `hyte up`. `HYTE_DATA_DIR`.
    public var dataDirectory: String
    /// `sqlite://PATH` or `postgres://user:pass@host:5432/db`. `HYTE_DATABASE_URL`.
    public var databaseURL: String
    /// Heartbeat interval; liveness is 3 intervals. `HYTE_HEARTBEAT_MS`.
    public var heartbeat: Duration
    /// How long a request may wait in the broker for a free worker. `HYTE_QUEUE_EXPIRY_MS`.
    public var queueExpiry: Duration
    /// `trace`, `debug`, `info`, `notice`, `warning`, `error`, `critical`. `HYTE_LOG_LEVEL`.
    public var logLevel: String
    /// `text` or `json`. `HYTE_LOG_FORMAT`.
    public var logFormat: String

    /// Every environment variable Hyte reads, with its default, for the README and checks.
    public static let variables: [(name: String, defaultValue: String, meaning: String)] = [
        ("HYTE_BUS", "tcp://127.0.0.1:5570", "broker endpoint (the broker binds, workers and clients connect)"),
        ("HYTE_DATA_DIR", "./.hyte", "local state: SQLite file, pid files, logs of `hyte up`"),
        ("HYTE_DATABASE_URL", "sqlite://$HYTE_DATA_DIR/hyte.sqlite", "or postgres://user:pass@host:5432/db"),
        ("HYTE_HEARTBEAT_MS", "2500", "heartbeat interval; liveness is 3 intervals"),
        ("HYTE_QUEUE_EXPIRY_MS", "30000", "how long the broker keeps a request for a service with no free worker"),
        ("HYTE_LOG_LEVEL", "info", "trace, debug, info, notice, warning, error, critical"),
        ("HYTE_LOG_FORMAT", "text", "text, or json for containers"),
    ]

    /// Reads the configuration from an environment.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ValidationError) {
        func value(_ name: String) -> String? {
            guard let text = environment[name]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func milliseconds(_ name: String, _ fallback: Int) throws(ValidationError) -> Duration {
            guard let text = value(name) else { return .milliseconds(fallback) }
            guard let ms = Int(text), ms > 0 else { throw ValidationError("\(name)='\(text)' is not a positive number of milliseconds") }
            return .milliseconds(ms)
        }
        bus = value("HYTE_BUS") ?? "tcp://127.0.0.1:5570"
        dataDirectory = value("HYTE_DATA_DIR") ?? "./.hyte"
        databaseURL = value("HYTE_DATABASE_URL") ?? "sqlite://\(dataDirectory)/hyte.sqlite"
        heartbeat = try milliseconds("HYTE_HEARTBEAT_MS", 2500)
        queueExpiry = try milliseconds("HYTE_QUEUE_EXPIRY_MS", 30_000)
        logLevel = value("HYTE_LOG_LEVEL") ?? "info"
        logFormat = value("HYTE_LOG_FORMAT") ?? "text"
        try validate()
    }

    /// Checks values that have a fixed set of choices.
    public func validate() throws(ValidationError) {
        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(logLevel) else {
            throw ValidationError("log level '\(logLevel)' is not one of trace, debug, info, notice, warning, error, critical")
        }
        guard ["text", "json"].contains(logFormat) else {
            throw ValidationError("log format '\(logFormat)' is not 'text' or 'json'")
        }
        guard bus.hasPrefix("tcp://") || bus.hasPrefix("ipc://") || bus.hasPrefix("inproc://") else {
            throw ValidationError("bus endpoint '\(bus)' must start with tcp://, ipc:// or inproc://")
        }
    }
}

/// The flags every Hyte process accepts; each overrides its environment variable.
public struct ConfigurationOptions: ParsableArguments, Sendable {
    @Option(name: .long, help: "Broker endpoint (HYTE_BUS).")
    public var bus: String?

    @Option(name: .long, help: "Directory of local state (HYTE_DATA_DIR).")
    public var dataDir: String?

    @Option(name: .long, help: "sqlite://PATH or postgres://… (HYTE_DATABASE_URL).")
    public var databaseURL: String?

    @Option(name: .long, help: "Heartbeat interval in milliseconds (HYTE_HEARTBEAT_MS).")
    public var heartbeatMs: Int?

    @Option(name: .long, help: "Broker queue expiry in milliseconds (HYTE_QUEUE_EXPIRY_MS).")
    public var queueExpiryMs: Int?

    @Option(name: .long, help: "Log level (HYTE_LOG_LEVEL).")
    public var logLevel: String?

    @Option(name: .long, help: "Log format: text or json (HYTE_LOG_FORMAT).")
    public var logFormat: String?

    public init() {}

    /// The environment's configuration with these flags applied.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> HyteConfiguration {
        var environment = environment
        if let dataDir { environment["HYTE_DATA_DIR"] = dataDir }
        var configuration = try HyteConfiguration(environment: environment)
        if let bus { configuration.bus = bus }
        if let databaseURL { configuration.databaseURL = databaseURL }
        if let heartbeatMs {
            guard heartbeatMs > 0 else { throw ValidationError("--heartbeat-ms must be positive") }
            configuration.heartbeat = .milliseconds(heartbeatMs)
        }
        if let queueExpiryMs {
            guard queueExpiryMs > 0 else { throw ValidationError("--queue-expiry-ms must be positive") }
            configuration.queueExpiry = .milliseconds(queueExpiryMs)
        }
        if let logLevel { configuration.logLevel = logLevel }
        if let logFormat { configuration.logFormat = logFormat }
        try configuration.validate()
        return configuration
    }
}
