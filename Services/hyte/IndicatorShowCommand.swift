import ArgumentParser
import Foundation
import Model
import ServiceRuntime

/// A year or a range of years, `2019` or `2015-2023`.
struct YearRange: ExpressibleByArgument {
    var from: Int
    var to: Int

    init?(argument: String) {
        let parts = argument.split(whereSeparator: { $0 == "-" || $0 == "–" }).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        switch parts.count {
        case 1: guard let year = parts[0] else { return nil }; (from, to) = (year, year)
        case 2: guard let first = parts[0], let last = parts[1], first <= last else { return nil }; (from, to) = (first, last)
        default: return nil
        }
    }
}

extension Indicator {
    /// `hyte indicator show ID --region … --years 2015-2023`.
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show an indicator's values by year, with a sparkline and the trend.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The indicator's id (or its Sotkanet number).") var indicator: String
        @Option(name: .long, help: "A region (id, code, Sotkanet id or name); repeat for several. Default: every region.")
        var region: [String] = []
        @Option(name: .long, help: "Years, e.g. 2015-2023 or 2021.") var years: YearRange?
        @Option(name: .long, help: "total, male or female.") var gender: Gender?
        @Option(name: .long, help: "A population group, e.g. grades-8-9.") var group: String?
        @Option(name: .long, help: "Language: fi, sv or en.") var lang: Language = .fi

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let reply = try await gateway.call(IndicatorContracts.Series.self, .init(
                indicator: indicator, regions: region.isEmpty ? nil : region, fromYear: years?.from, toYear: years?.to,
                gender: gender, group: group.map(IndicatorPopulationGroup.init)), headers: options.headers())
            if options.json { try printJSON(reply); return }
            print(Self.render(reply, id: indicator, language: lang))
        }

        static func render(_ reply: IndicatorContracts.Series.Response, id: String, language: Language) -> String {
            let definition = reply.indicator
            let decimals = definition?.decimals ?? 1
            var lines = ["\(definition?.id ?? reply.series.first?.values.first?.indicator ?? id) \(IndicatorText.text(definition?.name, language, fallback: ""))"]
            guard !reply.series.isEmpty else {
                lines.append(IndicatorText.word("Ei arvoja.", "Inga värden.", "No values.", language))
                return lines.joined(separator: "\n")
            }
            let names = Dictionary(reply.regions.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            for series in reply.series {
                var heading = IndicatorText.text(names[series.region], language, fallback: series.region)
                if let group = series.group { heading += " — " + IndicatorText.text(group.label, language, fallback: group.id) }
                if series.gender != .total { heading += " (\(series.gender.rawValue))" }
                lines.append("")
                lines.append(heading)
                let header = [IndicatorText.word("kausi", "period", "period", language),
                              IndicatorText.word("arvo", "värde", "value", language),
                              IndicatorText.word("lukumäärä", "antal", "count", language)]
                lines.append(table(header, series.values.map { value in
                    [value.period.description,
                     IndicatorText.value(value.value, unit: definition?.unit, decimals: decimals, language: language),
                     value.count.map { IndicatorText.number($0, decimals: 0, language: language) } ?? ""]
                }))
                var summary = IndicatorText.sparkline(series.values.map(\.value))
                if let trend = series.trend {
                    summary += "  " + IndicatorText.word("suunta", "trend", "trend", language) + ": "
                        + IndicatorText.trend(trend.assessment, language: language)
                }
                lines.append(summary)
            }
            return lines.joined(separator: "\n")
        }
    }
}
