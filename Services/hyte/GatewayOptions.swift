import ArgumentParser
import BusCore
import BusZMQ
import Foundation
import Model
import ServiceRuntime

/// Options every gateway command shares: the configuration flags and `--json`.
struct GatewayOptions: ParsableArguments {
    @OptionGroup var configuration: ConfigurationOptions

    @Flag(name: .long, help: "Print JSON for scripts instead of text for people.")
    var json = false

    @Option(name: .long, help: "Who is acting, recorded in the audit log.")
    var actor: String = ProcessInfo.processInfo.environment["USER"].map { "\($0)@\(hostName())" } ?? "local-operator"

    func resolve() throws -> HyteConfiguration { try configuration.resolve() }

    /// Request headers naming the actor.
    func headers() -> RequestHeaders {
        RequestHeaders(actor: Actor(id: actor, roles: ["operator"]))
    }
}

func hostName() -> String { ProcessInfo.processInfo.hostName }

/// Exit codes with a meaning.
enum GatewayExit {
    /// The stack or a service is not running.
    static let notRunning = ExitCode(3)
    /// A service refused the request (bad input, not found, conflict).
    static let refused = ExitCode(4)
}

/// A connected client plus the checks that turn "no answer" into a clear message.
struct Gateway {
    let configuration: HyteConfiguration
    let client: MajordomoClient

    init(configuration: HyteConfiguration) {
        self.configuration = configuration
        self.client = MajordomoClient(endpoint: configuration.bus)
    }

    /// Fails with a clear message unless the broker answers and `service` has a worker.
    func requireService(_ service: String) async throws {
        do {
            guard try await client.serviceIsRegistered(service, options: RequestOptions(timeout: .seconds(1), retries: 1)) else {
                printError("service '\(service)' has no worker registered at \(configuration.bus); start the stack with `hyte up` or see `hyte status`")
                throw GatewayExit.notRunning
            }
        } catch let error as BusError {
            printError("\(error)")
            throw GatewayExit.notRunning
        }
    }

    /// Calls a contract's operation and turns refusals into a message and exit code 4.
    func call<C: Contract>(_ contract: C.Type, _ input: C.Request, headers: RequestHeaders,
                           options: RequestOptions = RequestOptions(timeout: .seconds(30), retries: 1)) async throws -> C.Response {
        try await requireService(C.service)
        do {
            return try await client.call(contract, input, headers: headers, options: options)
        } catch let error as ServiceCallError {
            printError("\(error.error.message) (\(error.status) \(error.error.code))")
            throw GatewayExit.refused
        } catch let error as BusError {
            printError("\(error)")
            throw GatewayExit.notRunning
        }
    }

    func close() async { await client.close() }

    /// The stored plan with `id` and its status reports, or nil when storage has no such plan.
    func storedPlan(_ id: String, headers: RequestHeaders) async throws -> PlanDocument? {
        do {
            return try await client.call(PlanContracts.Get.self, .init(id: id), headers: headers,
                                         options: RequestOptions(timeout: .seconds(60), retries: 1))
        } catch let error as ServiceCallError where error.status == 404 {
            return nil
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("hyte: \(message)\n".utf8))
}

/// Prints a value as pretty JSON.
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// A plain text table with left-aligned columns.
func table(_ header: [String], _ rows: [[String]]) -> String {
    let widths = header.indices.map { column in
        ([header[column]] + rows.map { column < $0.count ? $0[column] : "" }).map(\.count).max() ?? 0
    }
    func line(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            index == cells.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
        }.joined(separator: "  ")
    }
    return ([line(header)] + rows.map(line)).joined(separator: "\n")
}
