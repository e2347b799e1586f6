import ArgumentParser
import Foundation
import Model

/// `hyte panel …`: resident panels (asukasraati / invånarpanel).
struct PanelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "panel", abstract: "Resident panels: members, sessions, recommendations and the city's answers.",
        subcommands: [Save.self, List.self, Show.self, Answer.self])

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or replace a panel from a JSON or YAML file.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The panel as JSON or YAML.") var file: String

        func run() async throws {
            let panel = try await options.call(ParticipationContracts.PanelSave.self, try readRecordFile(ResidentPanel.self, path: file))
            try options.print(panel) { "\(panel.id): \(panel.topic.text(options.lang)) (\(ParticipationText.word("saved", options.lang)))" }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every panel.")
        @OptionGroup var options: ParticipationOptions

        func run() async throws {
            let panels = try await options.call(ParticipationContracts.PanelList.self, Empty())
            try options.print(panels) { PanelText.table(panels, options.lang) }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a panel with its recommendations and answers.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The panel id.") var id: String

        func run() async throws {
            let panel = try await options.call(ParticipationContracts.PanelGet.self, .init(id: id))
            try options.print(panel) { PanelText.detail(panel, options.lang) }
        }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the city's answer to a recommendation.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The panel id.") var id: String
        @Argument(help: "The recommendation id.") var recommendation: String
        @Argument(help: "accepted, partly, rejected or in-progress.") var status: PanelAnswerStatus
        @Option(name: .long, help: "The answer in Finnish.") var fi: String?
        @Option(name: .long, help: "The answer in Swedish.") var sv: String?
        @Option(name: .long, help: "The answer in English.") var en: String?

        func run() async throws {
            let panel = try await options.call(ParticipationContracts.PanelAnswerSet.self, .init(
                panelId: id, recommendationId: recommendation, status: status, text: LocalizedText(fi: fi, sv: sv, en: en)))
            try options.print(panel) { PanelText.detail(panel, options.lang) }
        }
    }
}

extension PanelAnswerStatus: ExpressibleByArgument {}

/// The text form of resident panels.
enum PanelText {
    static func table(_ panels: [ResidentPanel], _ language: Language) -> String {
        hyteTable(ParticipationText.header(["id", "members", "recommendations", "topic"], language), panels.map {
            [$0.id, String($0.memberCount), String($0.recommendations.count), $0.topic.text(language)]
        })
    }

    static func detail(_ panel: ResidentPanel, _ language: Language) -> String {
        var lines = ["\(panel.id): \(panel.topic.text(language)) — \(panel.organiser), "
                     + "\(panel.memberCount) \(ParticipationText.word("members (count)", language))"]
        for session in panel.sessions {
            lines.append("  \(ParticipationText.date(session.date, language)): \(session.attendance)")
        }
        for recommendation in panel.recommendations {
            lines.append("  \(recommendation.id): \(recommendation.text.text(language))")
            if let answer = recommendation.answer {
                lines.append("    → \(answer.status.label.text(language)): \(answer.text.text(language))")
            }
        }
        return lines.joined(separator: "\n")
    }
}

/// `table` under a name that a nested `Table` type cannot shadow.
func hyteTable(_ header: [String], _ rows: [[String]]) -> String { table(header, rows) }
