import BusCore
import Foundation
import Model
#if canImport(Glibc)
import Glibc
#endif

/// The processes of a Hyte stack on one machine: the broker and one worker of each service,
/// started as child processes with pid files and logs under the data directory.
public struct LocalStack: Sendable {
    /// One process of the stack.
    public struct Component: Sendable, Hashable {
        /// `broker` or a service name.
        public var name: String
        /// The executable product, e.g. `hyte-storage`.
        public var executable: String
    }

    /// What `hyte up`/`hyte down` report of one component.
    public struct ProcessState: Sendable, Hashable, Codable {
        public var name: String
        public var pid: Int32?
        public var running: Bool
        public var log: String
        /// False when the process was already running and `start` left it alone.
        public var startedNow: Bool = false
    }

    /// The broker first, then the services in dependency order (storage before reporting).
    public static let components: [Component] = [Component(name: "broker", executable: "hyte-broker")]
        + ServiceName.all.map { Component(name: $0, executable: "hyte-\($0)") }

    public let configuration: HyteConfiguration
    /// Where the executables are: by default the directory of the running `hyte`.
    public let binDirectory: String

    public init(configuration: HyteConfiguration, binDirectory: String? = nil) {
        self.configuration = configuration
        self.binDirectory = binDirectory ?? LocalStack.ownDirectory()
    }

    var runDirectory: String { configuration.dataDirectory + "/run" }
    var logDirectory: String { configuration.dataDirectory + "/logs" }

    func pidFile(_ component: Component) -> String { "\(runDirectory)/\(component.name).pid" }
    func logFile(_ component: Component) -> String { "\(logDirectory)/\(component.name).log" }

    /// The pid recorded for a component if that process is still alive.
    public func runningPid(_ component: Component) -> pid_t? {
        guard let text = try? String(contentsOfFile: pidFile(component), encoding: .utf8),
              let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)), ChildProcess.isAlive(pid) else { return nil }
        return pid
    }

    /// The state of every component from its pid file.
    public func states() -> [ProcessState] {
        Self.components.map { component in
            let pid = runningPid(component)
            return ProcessState(name: component.name, pid: pid, running: pid != nil, log: logFile(component))
        }
    }

    /// Starts every component that is not already running; returns what was started.
    public func start() throws -> [ProcessState] {
        let fileManager = FileManager.default
        try fileManager.createDirectory(atPath: runDirectory, withIntermediateDirectories: true)
        try fileManager.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["HYTE_BUS"] = configuration.bus
        environment["HYTE_DATA_DIR"] = configuration.dataDirectory
        environment["HYTE_DATABASE_URL"] = configuration.databaseURL
        environment["HYTE_HEARTBEAT_MS"] = String(configuration.heartbeat.components.seconds * 1000
                                                  + configuration.heartbeat.components.attoseconds / 1_000_000_000_000_000)
        environment["HYTE_QUEUE_EXPIRY_MS"] = String(configuration.queueExpiry.components.seconds * 1000
                                                     + configuration.queueExpiry.components.attoseconds / 1_000_000_000_000_000)
        environment["HYTE_LOG_LEVEL"] = configuration.logLevel
        environment["HYTE_LOG_FORMAT"] = configuration.logFormat

        var started: [ProcessState] = []
        for component in Self.components {
            if let pid = runningPid(component) {
                started.append(ProcessState(name: component.name, pid: pid, running: true, log: logFile(component)))
                continue
            }
            let executable = "\(binDirectory)/\(component.executable)"
            guard fileManager.isExecutableFile(atPath: executable) else {
                throw StackError("\(executable) is missing; build the project first (swift build)")
            }
            let pid = try ChildProcess.spawn(executable: executable, arguments: [], environment: environment,
                                             logFile: logFile(component))
            try "\(pid)\n".write(toFile: pidFile(component), atomically: true, encoding: .utf8)
            started.append(ProcessState(name: component.name, pid: pid, running: true, log: logFile(component), startedNow: true))
        }
        return started
    }

    /// Stops every running component with SIGTERM (services first, the broker last), waits up to
    /// `grace` for each, then SIGKILL; returns what was stopped.
    public func stop(grace: Duration = .seconds(10)) async -> [ProcessState] {
        var stopped: [ProcessState] = []
        for component in Self.components.reversed() {
            guard let pid = runningPid(component) else {
                try? FileManager.default.removeItem(atPath: pidFile(component))
                continue
            }
            ChildProcess.signal(pid, SIGTERM)
            let clock = ContinuousClock()
            let deadline = clock.now.advanced(by: grace)
            while ChildProcess.isAlive(pid), clock.now < deadline {
                ChildProcess.reap(pid)
                try? await Task.sleep(for: .milliseconds(20))
            }
            if ChildProcess.isAlive(pid) { ChildProcess.signal(pid, SIGKILL) }
            ChildProcess.reap(pid)
            try? FileManager.default.removeItem(atPath: pidFile(component))
            stopped.append(ProcessState(name: component.name, pid: pid, running: false, log: logFile(component)))
        }
        return stopped
    }

    /// The last lines of a component's log, for error messages.
    public func logTail(_ name: String, lines: Int = 8) -> String {
        guard let component = Self.components.first(where: { $0.name == name }),
              let text = try? String(contentsOfFile: logFile(component), encoding: .utf8) else { return "" }
        return text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }

    /// The directory of the running executable.
    public static func ownDirectory() -> String {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path).deletingLastPathComponent().path
    }
}
