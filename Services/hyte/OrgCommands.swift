import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

/// `hyte org`: the organisation registry in storage.
struct Org: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "org", abstract: "Organisations: municipalities, departments, units, partners.",
        subcommands: [Import.self, List.self, Delete.self])

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create or update organisations from a JSON file, all or nothing.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "A file like examples/organisations.json.") var file: String
        @Flag(name: .long, help: """
            Refuse the whole file unless each organisation's stored version is the `version` the file gives             (0 for one that must be new): the file was made from what is stored now.
            """) var checkVersions = false

        func run() async throws {
            let input = try readJSONFile(OrganisationFile.self, path: file)
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let expected = checkVersions ? Dictionary(input.organisations.map { ($0.id, $0.version) }, uniquingKeysWith: { $1 }) : nil
            let result = try await gateway.call(StorageContracts.UpsertOrganisations.self,
                                                .init(organisations: input.organisations, expectedVersions: expected),
                                                headers: options.headers())
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

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete an organisation that no other organisation belongs to and no plan names.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The organisation's id.") var id: String
        @Option(name: .long, help: "Refuse unless the stored organisation has this version (default: the version read just before).")
        var expectedVersion: Int?

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let stored = try await gateway.call(StorageContracts.GetOrganisation.self, .init(id: id), headers: options.headers())
            let reply = try await gateway.call(PlanEditContracts.DeleteOrganisation.self,
                                               .init(id: id, expectedVersion: expectedVersion ?? stored.version),
                                               headers: options.headers())
            if options.json { try printJSON(reply); return }
            print("organisation \(reply.id) deleted; `hyte audit` keeps it")
        }
    }
}
