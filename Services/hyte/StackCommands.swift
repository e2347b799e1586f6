import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

/// The state of a stack as `hyte up` and `hyte status` print it.
struct StackReport: Codable {
    struct Row: Codable {
        var name: String
        var workers: Int
        var idle: Int
        var queued: Int
        var pid: Int32?
        var state: String
    }
    var bus: String
    var dataDirectory: String
    var brokerRunning: Bool
    var services: [Row]

    var allPresent: Bool { brokerRunning && services.allSatisfy { $0.state == "ok" } }

    /// Asks the broker and reads the pid files.
    static func gather(_ configuration: HyteConfiguration, client: BusClient) async -> StackReport {
        let stack = LocalStack(configuration: configuration)
        let pids = Dictionary(uniqueKeysWithValues: stack.states().map { ($0.name, $0.pid) })
        let summaries = try? await client.brokerServices(options: RequestOptions(timeout: .seconds(1), retries: 1))
        let byName = Dictionary(uniqueKeysWithValues: (summaries ?? []).map { ($0.service, $0) })
        var rows = [Row(name: "broker", workers: summaries == nil ? 0 : 1, idle: 0, queued: 0, pid: pids["broker"] ?? nil,
                        state: summaries == nil ? "not running" : "ok")]
        for name in ServiceName.all {
            let summary = byName[name]
            let workers = summary?.workers ?? 0
            rows.append(Row(name: name, workers: workers, idle: summary?.idle ?? 0, queued: summary?.queued ?? 0,
                            pid: pids[name] ?? nil, state: workers > 0 ? "ok" : "missing"))
        }
        // Services registered by others (scaled workers, other machines) appear too.
        for summary in summaries ?? [] where !ServiceName.all.contains(summary.service) {
            rows.append(Row(name: summary.service, workers: summary.workers, idle: summary.idle, queued: summary.queued,
                            pid: nil, state: summary.workers > 0 ? "ok" : "missing"))
        }
        return StackReport(bus: configuration.bus, dataDirectory: configuration.dataDirectory,
                           brokerRunning: summaries != nil, services: rows)
    }

    func printForPeople() {
        print("Hyte stack on \(bus) (data in \(dataDirectory))")
        print(table(["SERVICE", "WORKERS", "IDLE", "QUEUED", "PID", "STATE"], services.map {
            [$0.name, $0.name == "broker" ? "-" : String($0.workers), $0.name == "broker" ? "-" : String($0.idle),
             $0.name == "broker" ? "-" : String($0.queued), $0.pid.map(String.init) ?? "-", $0.state]
        }))
        if !brokerRunning {
            print("The broker does not answer at \(bus). Start the stack with `hyte up`.")
        } else if !allPresent {
            let missing = services.filter { $0.state != "ok" }.map(\.name).joined(separator: ", ")
            print("Missing: \(missing). Logs are in \(dataDirectory)/logs/.")
        }
    }
}

struct Up: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the broker and one worker of each service, and wait until all answer.")

    @OptionGroup var options: GatewayOptions

    @Option(name: .long, help: "Seconds to wait for every service to register.")
    var timeout: Int = 60

    func run() async throws {
        let configuration = try options.resolve()
        let stack = LocalStack(configuration: configuration)
        let started: [LocalStack.ProcessState]
        do {
            started = try stack.start()
        } catch {
            printError("\(error)")
            throw ExitCode.failure
        }
        if !options.json {
            for state in started {
                print("\(state.startedNow ? "started" : "already running:") \(state.name) (pid \(state.pid ?? 0)), log \(state.log)")
            }
        }
        let gateway = Gateway(configuration: configuration)
        let missing = await gateway.client.waitForServices(ServiceName.all, timeout: .seconds(timeout))
        let report = await StackReport.gather(configuration, client: gateway.client)
        await gateway.close()
        if options.json { try printJSON(report) } else { report.printForPeople() }
        if !missing.isEmpty {
            for name in missing + (report.brokerRunning ? [] : ["broker"]) {
                let tail = stack.logTail(name)
                printError("\(name) did not register within \(timeout) s; last lines of its log:\n\(tail)")
            }
            throw GatewayExit.notRunning
        }
    }
}

/// `hyte status`: the stack by default; `hyte status set|list` for the follow-up of actions.
struct Status: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the stack (default), or record and list the status of actions.",
        subcommands: [StackStatus.self, StatusCommand.Set.self, StatusCommand.List.self],
        defaultSubcommand: StackStatus.self)
}

struct StackStatus: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stack", abstract: "Show the services of the stack and their worker counts.")

    @OptionGroup var options: GatewayOptions

    func run() async throws {
        let configuration = try options.resolve()
        let gateway = Gateway(configuration: configuration)
        let report = await StackReport.gather(configuration, client: gateway.client)
        await gateway.close()
        if options.json { try printJSON(report) } else { report.printForPeople() }
        if !report.allPresent { throw GatewayExit.notRunning }
    }
}

struct Down: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Stop the processes that `hyte up` started, gracefully.")

    @OptionGroup var options: GatewayOptions

    func run() async throws {
        let configuration = try options.resolve()
        let stopped = await LocalStack(configuration: configuration).stop()
        if options.json {
            try printJSON(stopped)
        } else if stopped.isEmpty {
            print("Nothing was running (no live pid files in \(configuration.dataDirectory)/run).")
        } else {
            for state in stopped { print("stopped \(state.name) (pid \(state.pid ?? 0))") }
        }
    }
}

struct Ping: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask a service's `health` operation (or the broker's service list) and report the round trip.")

    @OptionGroup var options: GatewayOptions

    @Argument(help: "broker, storage, indicators, participation or reporting.")
    var service: String

    @Option(name: .long, help: "Seconds to wait for the answer.")
    var timeout: Double = 2

    func run() async throws {
        let configuration = try options.resolve()
        let gateway = Gateway(configuration: configuration)
        defer { Task { await gateway.close() } }
        let clock = ContinuousClock()
        let start = clock.now
        let requestOptions = RequestOptions(timeout: .milliseconds(Int(timeout * 1000)), retries: 0)
        do {
            if service == "broker" {
                let services = try await gateway.client.brokerServices(options: requestOptions)
                let elapsed = start.duration(to: clock.now)
                if options.json {
                    try printJSON(["service": "broker", "status": "ok", "services": "\(services.count)",
                                   "milliseconds": String(format: "%.1f", elapsed.asMilliseconds)])
                } else {
                    print("broker: ok, \(services.count) service(s) known, \(String(format: "%.1f", elapsed.asMilliseconds)) ms")
                }
                return
            }
            guard try await gateway.client.serviceIsRegistered(service, options: requestOptions) else {
                printError("service '\(service)' has no worker registered at \(configuration.bus)")
                throw GatewayExit.notRunning
            }
            let health = try await gateway.client.health(of: service, options: requestOptions)
            let elapsed = start.duration(to: clock.now)
            if options.json {
                try printJSON(health)
            } else {
                print("\(service): \(health.status), version \(health.version), pid \(health.pid), \(String(format: "%.1f", elapsed.asMilliseconds)) ms")
            }
        } catch let error as BusError {
            printError("\(error)")
            throw GatewayExit.notRunning
        }
    }
}

extension Duration {
    var asMilliseconds: Double {
        Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15
    }
}
