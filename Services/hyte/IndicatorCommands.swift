import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

struct Indicator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Statistical indicators: import, list, show, compare, link, inspect.",
        subcommands: [Import.self, List.self, Show.self, Compare.self, Link.self, Inspect.self])

    struct Inspect: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Parse an indicator data file and summarise it (nothing is stored).")
        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "File format.") var format: IndicatorContracts.Format = .sotkanetJSON
        @Argument(help: "A Sotkanet REST JSON file.") var file: String

        func run() async throws {
            let content: String
            do { content = try String(contentsOfFile: file, encoding: .utf8) } catch {
                printError("cannot read \(file): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let summary = try await gateway.call(IndicatorContracts.Inspect.self,
                                                 .init(format: format, fileName: (file as NSString).lastPathComponent, content: content),
                                                 headers: options.headers())
            if options.json { try printJSON(summary); return }
            print(IndicatorSummaryText.render(summary, file: file))
        }
    }
}

/// The text form of an indicator file summary.
enum IndicatorSummaryText {
    static func render(_ summary: IndicatorContracts.Inspect.Response, file: String) -> String {
        var lines = ["\(file): \(summary.rows) rows",
                     "  indicators: \(summary.indicators.map(String.init).joined(separator: ", "))",
                     "  regions:    \(summary.regions.map(String.init).joined(separator: ", "))",
                     "  years:      \(summary.years.map(String.init).joined(separator: ", "))",
                     "  genders:    \(summary.genders.map(\.rawValue).joined(separator: ", "))",
                     "  missing values: \(summary.missingValues)"]
        for range in summary.ranges {
            lines.append("  indicator \(range.indicator), \(range.year): lowest \(decimalComma(range.min)) (region \(range.minRegion)), highest \(decimalComma(range.max)) (region \(range.maxRegion))")
        }
        return lines.joined(separator: "\n")
    }
}

/// A number with a decimal comma, as Finnish and Swedish readers expect.
func decimalComma(_ value: Double) -> String {
    let formatter = NumberFormatter()
    formatter.locale = Locale(identifier: "fi_FI")
    formatter.minimumFractionDigits = 0
    formatter.maximumFractionDigits = 2
    formatter.usesGroupingSeparator = true
    return formatter.string(from: NSNumber(value: value)) ?? String(value)
}
