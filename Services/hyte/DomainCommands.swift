import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

/// Reads a JSON file, naming the file, the JSON path and the field on error.
func readJSONFile<T: Decodable>(_ type: T.Type, path: String) throws -> T {
    let data: Data
    do {
        data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
        printError("cannot read \(path): \(error.localizedDescription)")
        throw ExitCode.failure
    }
    do {
        return try JSONCoding.decoder.decode(type, from: data)
    } catch {
        printError("\(path): \(JSONCoding.describe(error))")
        throw ExitCode.failure
    }
}

struct Org: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Organisations: municipalities, departments, units, partners.",
        subcommands: [Import.self, List.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or update organisations from a JSON file, all or nothing.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "A file like examples/organisations.json.") var file: String

        func run() async throws {
            let input = try readJSONFile(OrganisationFile.self, path: file)
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let result = try await gateway.call(StorageContracts.UpsertOrganisations.self,
                                                .init(organisations: input.organisations), headers: options.headers())
            if options.json { try printJSON(result) } else {
                print("\(file): \(input.organisations.count) organisations — \(result.created) created, \(result.updated) updated, \(result.unchanged) unchanged")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List organisations.")
        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "Language of names: fi, sv or en.") var lang: Language = .fi

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let result = try await gateway.call(StorageContracts.ListOrganisations.self, Empty(), headers: options.headers())
            if options.json { try printJSON(result.organisations); return }
            print(table(["ID", "KIND", "NAME", "PARENT"], result.organisations.map {
                [$0.id, $0.kind.rawValue, $0.name.resolved(lang).map { $0.language == lang ? $0.text : "\($0.text) (\($0.language.rawValue))" } ?? "",
                 $0.parentId ?? ""]
            }))
        }
    }
}

struct Indicator: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Statistical indicators.", subcommands: [Inspect.self])

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

struct PB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pb", abstract: "Participatory budgeting.", subcommands: [Tally.self])

    struct Tally: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the ballots of a round and select the winners within the budget.")
        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "Language of project titles: fi, sv or en.") var lang: Language = .fi
        @Argument(help: "A JSON file with budget, rule, projects and ballots.") var file: String

        func run() async throws {
            let input = try readJSONFile(ParticipationContracts.Tally.Request.self, path: file)
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let result = try await gateway.call(ParticipationContracts.Tally.self, input, headers: options.headers())
            if options.json { try printJSON(result); return }
            print("\(file): \(result.countedBallots) ballots counted, \(result.refusedBallots.count) refused")
            print(TallyText.render(result, round: input, language: lang))
        }
    }
}

/// The text form of a participatory-budgeting result.
enum TallyText {
    static func render(_ result: ParticipationContracts.Tally.Response, round: ParticipationContracts.Tally.Request,
                       language: Language) -> String {
        let titles = Dictionary(uniqueKeysWithValues: round.projects.map { ($0.id, $0.title.resolved(language)?.text ?? $0.id) })
        var lines = [table(["PROJECT", "VOTES", "COST €", "FUNDED"], result.ranking.map {
            [titles[$0.id] ?? $0.id, String($0.votes), decimalComma($0.cost), $0.funded ? "yes" : "no"]
        })]
        lines.append("budget \(decimalComma(round.budget)) €, spent \(decimalComma(result.spent)) €")
        for refused in result.refusedBallots { lines.append("ballot \(refused.ballot) refused: \(refused.reason)") }
        return lines.joined(separator: "\n")
    }
}

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
