import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

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
