import ArgumentParser
import Foundation
import Model

/// `hyte hearing …`: statement requests to the youth, elders' and disability councils.
struct HearingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hearing", abstract: "Statement requests to the councils, their statements and the city's answers.",
        subcommands: [Save.self, List.self, Show.self, Counts.self])

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or replace a statement request from a JSON or YAML file.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The statement request as JSON or YAML.") var file: String

        func run() async throws {
            let hearing = try await options.call(ParticipationContracts.HearingSave.self,
                                                 try readRecordFile(HearingRequest.self, path: file))
            try options.print(hearing) { HearingText.line(hearing, options.lang) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List statement requests, of one year when given.")
        @OptionGroup var options: ParticipationOptions
        @Option(name: .long, help: "The year of the request.") var year: Int?

        func run() async throws {
            let hearings = try await options.call(ParticipationContracts.HearingList.self, .init(year: year))
            try options.print(hearings) {
                hyteTable(ParticipationText.header(["id", "council", "date", "given", "answered", "topic"], options.lang),
                          hearings.map { HearingText.row($0, options.lang) })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one statement request.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The id.") var id: String

        func run() async throws {
            let hearing = try await options.call(ParticipationContracts.HearingGet.self, .init(id: id))
            try options.print(hearing) {
                var lines = [HearingText.line(hearing, options.lang)]
                if let statement = hearing.statement {
                    lines.append("  \(ParticipationText.date(statement.date, options.lang)): \(statement.text.text(options.lang))")
                }
                if let answer = hearing.cityAnswer {
                    lines.append("  → \(ParticipationText.date(answer.date, options.lang)): \(answer.text.text(options.lang))")
                }
                return lines.joined(separator: "\n")
            }
        }
    }

    struct Counts: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Requested, given and answered statements per council and year.")
        @OptionGroup var options: ParticipationOptions
        @Option(name: .long, help: "Only this year.") var year: Int?

        func run() async throws {
            let counts = try await options.call(ParticipationContracts.HearingCounts.self, .init(year: year))
            try options.print(counts) {
                hyteTable(ParticipationText.header(["council", "year", "requested", "given", "answered"], options.lang),
                          counts.map { [$0.council.label.text(options.lang), String($0.year), String($0.requested),
                                        String($0.given), String($0.answered)] })
            }
        }
    }
}

/// The text form of statement requests.
enum HearingText {
    static func line(_ hearing: HearingRequest, _ language: Language) -> String {
        "\(hearing.id): \(hearing.topic.text(language)) (\(hearing.council.label.text(language)), "
            + "\(ParticipationText.date(hearing.requestedOn, language)) → \(ParticipationText.date(hearing.deadline, language)))"
    }

    static func row(_ hearing: HearingRequest, _ language: Language) -> [String] {
        let yes = ParticipationText.word("yes", language), no = ParticipationText.word("no", language)
        return [hearing.id, hearing.council.label.text(language), ParticipationText.date(hearing.requestedOn, language),
                hearing.statement == nil ? no : yes, hearing.cityAnswer == nil ? no : yes, hearing.topic.text(language)]
    }
}
