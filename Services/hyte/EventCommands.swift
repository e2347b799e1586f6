import ArgumentParser
import Foundation
import Model

/// `hyte event …`: village evenings, safety walks and other participation events.
struct EventCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "Participation events: village evenings, safety walks, others.",
        subcommands: [Save.self, List.self, Show.self])

    struct Save: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or replace an event from a JSON or YAML file.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The event as JSON or YAML.") var file: String

        func run() async throws {
            let event = try await options.call(ParticipationContracts.EventSave.self,
                                               try readRecordFile(ParticipationEvent.self, path: file))
            try options.print(event) { EventText.line(event, options.lang) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List events, of one year when given.")
        @OptionGroup var options: ParticipationOptions
        @Option(name: .long, help: "The year of the event.") var year: Int?

        func run() async throws {
            let events = try await options.call(ParticipationContracts.EventList.self, .init(year: year))
            try options.print(events) {
                hyteTable(ParticipationText.header(["id", "kind", "date", "place", "participants", "title"], options.lang),
                          events.map { [$0.id, $0.kind.label.text(options.lang), ParticipationText.date($0.date, options.lang),
                                        $0.place, String($0.participants), $0.title.text(options.lang)] })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one event.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The event id.") var id: String

        func run() async throws {
            let events = try await options.call(ParticipationContracts.EventList.self, .init(year: nil))
            guard let event = events.first(where: { $0.id == id }) else {
                printError("no event has the id '\(id)'")
                throw GatewayExit.refused
            }
            try options.print(event) { EventText.line(event, options.lang) }
        }
    }
}

/// The text form of events.
enum EventText {
    static func line(_ event: ParticipationEvent, _ language: Language) -> String {
        "\(event.id): \(event.title.text(language)) (\(event.kind.label.text(language)), "
            + "\(ParticipationText.date(event.date, language)), \(event.place), \(event.organiser), "
            + "\(event.participants) \(ParticipationText.word("participants (count)", language)))"
    }
}
