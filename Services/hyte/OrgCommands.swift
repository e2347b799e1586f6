import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

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
