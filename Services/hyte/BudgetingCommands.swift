import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

/// `hyte pb …`: participatory budgeting — rounds, proposals, screening, votes, results, recount,
/// and the stateless `tally` of a file.
struct PB: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pb", abstract: "Participatory budgeting.",
        subcommands: [Round.self, Propose.self, Proposals.self, Screen.self, Vote.self, Results.self, Recount.self,
                      Implementation.self, Tally.self])

    struct Round: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Budgeting rounds.",
                                                        subcommands: [Create.self, List.self, Show.self])

        struct Create: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create a round from a JSON or YAML file; its secret stays in the service.")
            @OptionGroup var options: ParticipationOptions
            @Argument(help: "The round: id, title, areas, budget, schedule, rule.") var file: String

            func run() async throws {
                let round = try readRecordFile(BudgetingRound.self, path: file)
                let created = try await options.call(ParticipationContracts.RoundCreate.self, round)
                try options.print(created) { BudgetingText.roundLine(created, options.lang) }
            }
        }

        struct List: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List every round with its phase now.")
            @OptionGroup var options: ParticipationOptions

            func run() async throws {
                let rounds = try await options.call(ParticipationContracts.RoundList.self, Empty())
                try options.print(rounds) {
                    table(ParticipationText.header(["id", "phase", "budget", "title"], options.lang), rounds.map {
                        [$0.id, BudgetingText.phase($0, options.lang), ParticipationText.euro($0.budget, options.lang),
                         $0.title.text(options.lang)]
                    })
                }
            }
        }

        struct Show: AsyncParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Show one round and its proposals.")
            @OptionGroup var options: ParticipationOptions
            @Argument(help: "The round id.") var id: String

            func run() async throws {
                let round = try await options.call(ParticipationContracts.RoundGet.self, .init(roundId: id))
                let proposals = try await options.call(ParticipationContracts.Proposals.self, .init(roundId: id))
                struct Shown: Encodable {
                    var round: BudgetingRound
                    var proposals: [BudgetingProposal]
                }
                try options.print(Shown(round: round, proposals: proposals)) {
                    BudgetingText.roundLine(round, options.lang) + "\n" + BudgetingText.proposals(proposals, options.lang)
                }
            }
        }
    }

    struct Propose: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose a project (proposals phase) from a JSON or YAML file.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The proposal: roundId, id, area, title, description, cost in euro; or a list of them.") var file: String

        func run() async throws {
            let proposals = try readRecordFile(OneOrMany<ParticipationContracts.Propose.Request>.self, path: file).values
            var saved: [BudgetingProposal] = []
            for proposal in proposals {
                saved.append(try await options.call(ParticipationContracts.Propose.self, proposal))
            }
            try options.print(saved) { BudgetingText.proposals(saved, options.lang) }
        }
    }

    struct Proposals: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the proposals of a round.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The round id.") var round: String

        func run() async throws {
            let proposals = try await options.call(ParticipationContracts.Proposals.self, .init(roundId: round))
            try options.print(proposals) { BudgetingText.proposals(proposals, options.lang) }
        }
    }

    struct Screen: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Mark a proposal feasible, or not feasible with a reason.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The round id.") var round: String
        @Argument(help: "The proposal id.") var proposal: String
        @Flag(name: .long, inversion: .prefixedNo, help: "Feasible (--feasible) or not (--no-feasible, needs a reason).")
        var feasible: Bool
        @Option(name: .long, help: "The reason in Finnish.") var reasonFi: String?
        @Option(name: .long, help: "The reason in Swedish.") var reasonSv: String?
        @Option(name: .long, help: "The reason in English.") var reasonEn: String?

        func run() async throws {
            let reason = [reasonFi, reasonSv, reasonEn].allSatisfy { $0 == nil }
                ? nil : LocalizedText(fi: reasonFi, sv: reasonSv, en: reasonEn)
            let screened = try await options.call(ParticipationContracts.Screen.self,
                                                  .init(roundId: round, proposalId: proposal, feasible: feasible, reason: reason))
            try options.print(screened) { BudgetingText.proposals([screened], options.lang) }
        }
    }

    struct Vote: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Cast or replace a voter's ballot (voting phase); or several from a file.",
            discussion: "The voter id is not stored: the service keeps only a key derived from it and the round's secret.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The round id.") var round: String
        @Option(name: .long, help: "The voter id (e.g. a strong-identification pseudonym).") var voter: String?
        @Option(name: .long, help: "A JSON or YAML list of ballots: [{\"voterId\": …, \"choices\": [...]}].") var file: String?
        @Argument(help: "The project ids chosen.") var choices: [String] = []

        struct Ballot: Codable {
            var voterId: String
            var choices: [String]
        }

        func run() async throws {
            var ballots: [Ballot] = []
            if let file { ballots = try readRecordFile([Ballot].self, path: file) }
            if let voter { ballots.append(Ballot(voterId: voter, choices: choices)) }
            guard !ballots.isEmpty else { throw ValidationError("give --voter ID and the project ids, or --file BALLOTS") }
            var replies: [ParticipationContracts.Vote.Response] = []
            for ballot in ballots {
                replies.append(try await options.call(ParticipationContracts.Vote.self,
                                                      .init(roundId: round, voterId: ballot.voterId, choices: ballot.choices)))
            }
            try options.print(replies) { replies.map { $0.message.text(options.lang) }.joined(separator: "\n") }
        }
    }

    struct Results: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The result of a round after voting closed (counted once, then kept).")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The round id.") var round: String

        func run() async throws {
            let results = try await options.call(ParticipationContracts.Results.self, .init(roundId: round))
            let proposals = try await options.call(ParticipationContracts.Proposals.self, .init(roundId: round))
            let budget = try await options.call(ParticipationContracts.RoundGet.self, .init(roundId: round)).budget
            try options.print(results) {
                BudgetingText.result(results.result, proposals: proposals, budget: budget, options.lang)
            }
        }
    }

    struct Recount: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Count the stored ballots again and compare with the kept result.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The round id.") var round: String

        func run() async throws {
            let recount = try await options.call(ParticipationContracts.Recount.self, .init(roundId: round))
            let proposals = try await options.call(ParticipationContracts.Proposals.self, .init(roundId: round))
            let budget = try await options.call(ParticipationContracts.RoundGet.self, .init(roundId: round)).budget
            try options.print(recount) {
                ParticipationText.word(recount.matches ? "recount matches" : "recount differs", options.lang) + "\n"
                    + BudgetingText.result(recount.recounted, proposals: proposals, budget: budget, options.lang)
            }
        }
    }

    struct Implementation: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the implementation status of a winning project.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The round id.") var round: String
        @Argument(help: "The proposal id.") var proposal: String
        @Argument(help: "planned, in-progress, done or cancelled.") var status: BudgetingImplementationStatus

        func run() async throws {
            let updated = try await options.call(ParticipationContracts.Implementation.self,
                                                 .init(roundId: round, proposalId: proposal, status: status))
            try options.print(updated) { BudgetingText.proposals([updated], options.lang) }
        }
    }

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

extension BudgetingImplementationStatus: ExpressibleByArgument {}

/// A file that holds one record or a list of them; errors name the path within whichever it is.
struct OneOrMany<Value: Decodable>: Decodable {
    var values: [Value]

    init(from decoder: any Decoder) throws {
        if (try? decoder.unkeyedContainer()) != nil {
            values = try [Value](from: decoder)
        } else {
            values = [try Value(from: decoder)]
        }
    }
}

/// The text form of participatory-budgeting records.
enum BudgetingText {
    static func phase(_ round: BudgetingRound, _ language: Language) -> String {
        round.schedule.phase(at: now())?.label.text(language) ?? "–"
    }

    /// The time the service's phases follow: the clock file of `HYTE_PARTICIPATION_CLOCK_FILE`
    /// when set (rehearsals and tests), the real time otherwise.
    static func now() -> Date {
        guard let path = ProcessInfo.processInfo.environment["HYTE_PARTICIPATION_CLOCK_FILE"],
              let text = try? String(contentsOfFile: path, encoding: .utf8),
              let date = try? Date(text.trimmingCharacters(in: .whitespacesAndNewlines), strategy: .iso8601) else { return Date() }
        return date
    }

    static func roundLine(_ round: BudgetingRound, _ language: Language) -> String {
        "\(round.id): \(round.title.text(language)) (\(phase(round, language)), "
            + "\(ParticipationText.word("budget", language).lowercased()) \(ParticipationText.euro(round.budget, language)))"
    }

    static func proposals(_ proposals: [BudgetingProposal], _ language: Language) -> String {
        table(ParticipationText.header(["id", "cost", "screening", "status", "title"], language), proposals.map { proposal in
            let screening = proposal.screening.map { ParticipationText.word($0.feasible ? "feasible" : "not feasible", language) }
                ?? ParticipationText.word("not screened", language)
            return [proposal.id, ParticipationText.euro(proposal.cost, language), screening,
                    proposal.implementation?.status.label.text(language) ?? "", proposal.title.text(language)]
        })
    }

    static func result(_ result: ParticipationContracts.Tally.Response, proposals: [BudgetingProposal], budget: Double,
                       _ language: Language) -> String {
        let titles = Dictionary(uniqueKeysWithValues: proposals.map { ($0.id, $0.title.text(language)) })
        let yes = ParticipationText.word("yes", language), no = ParticipationText.word("no", language)
        return [
            "\(result.countedBallots) \(ParticipationText.word("ballots counted", language))",
            table(ParticipationText.header(["id", "votes", "cost", "funded", "title"], language), result.ranking.map {
                [$0.id, String($0.votes), ParticipationText.euro($0.cost, language), $0.funded ? yes : no, titles[$0.id] ?? ""]
            }),
            "\(ParticipationText.word("budget", language).lowercased()) \(ParticipationText.euro(budget, language)), "
                + "\(ParticipationText.word("spent", language)) \(ParticipationText.euro(result.spent, language))",
        ].joined(separator: "\n")
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
