import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

/// Loads the bundled example data through the running services and prints what it holds.
struct Example: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the bundled example data into the running stack and show what it contains.")

    @OptionGroup var options: GatewayOptions

    @Option(name: .long, help: "The examples directory.")
    var examples: String = "examples"

    @Option(name: .long, help: "fi, sv or en.")
    var lang: Language = .fi

    func run() async throws {
        let gateway = Gateway(configuration: try options.resolve())
        defer { Task { await gateway.close() } }
        let headers = options.headers()

        let organisationsFile = "\(examples)/organisations.json"
        let organisations = try readJSONFile(OrganisationFile.self, path: organisationsFile)
        let upsert = try await gateway.call(StorageContracts.UpsertOrganisations.self,
                                            .init(organisations: organisations.organisations), headers: headers)
        print("== \(organisationsFile) → storage: \(upsert.created) created, \(upsert.updated) updated, \(upsert.unchanged) unchanged")
        let report = try await gateway.call(ReportingContracts.Organisations.self, .init(language: lang, format: .markdown),
                                            headers: headers)
        print(report.body)

        let dataFile = "\(examples)/data/sotkanet_data_171_2019_2023.json"
        let content = try String(contentsOfFile: dataFile, encoding: .utf8)
        let summary = try await gateway.call(IndicatorContracts.Inspect.self,
                                             .init(format: .sotkanetJSON, fileName: "sotkanet_data_171_2019_2023.json", content: content),
                                             headers: headers)
        print("\n== \(dataFile) → indicators (Lähde: THL, Sotkanet.fi)")
        print(IndicatorSummaryText.render(summary, file: dataFile))

        let ballotsFile = "\(examples)/pb-round.json"
        let round = try readJSONFile(ParticipationContracts.Tally.Request.self, path: ballotsFile)
        let tally = try await gateway.call(ParticipationContracts.Tally.self, round, headers: headers)
        print("\n== \(ballotsFile) → participation: \(tally.countedBallots) ballots counted, \(tally.refusedBallots.count) refused")
        print(TallyText.render(tally, round: round, language: lang))
    }
}
