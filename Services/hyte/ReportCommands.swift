import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

/// `hyte report`: reports rendered by the reporting service.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Reports.", subcommands: [Organisations.self])

    struct Organisations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The organisation tree as a report.")
        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "fi, sv or en.") var lang: Language = .fi
        @Option(name: .long, help: "md or csv.") var format: ReportFormat = .markdown
        @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let report = try await gateway.call(ReportingContracts.Organisations.self, .init(language: lang, format: format),
                                                headers: options.headers())
            if let output {
                try report.body.write(toFile: output, atomically: true, encoding: .utf8)
                print(output)
            } else {
                print(report.body)
            }
        }
    }
}

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension IndicatorContracts.Format: ExpressibleByArgument {}
