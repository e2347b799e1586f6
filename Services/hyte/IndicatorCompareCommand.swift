import ArgumentParser
import Foundation
import Model
import ServiceRuntime

extension Indicator {
    /// `hyte indicator compare ID --region … --reference whole-country --year …`.
    struct Compare: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare a region's value with a reference region's: difference, relative difference, colour class.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The indicator's id (or its Sotkanet number).") var indicator: String
        @Option(name: .long, help: "The region (id, code, Sotkanet id or name).") var region: String
        @Option(name: .long, help: "The reference region.") var reference: String = "whole-country"
        @Option(name: .long, help: "The year; default the latest both regions have.") var year: Int?
        @Option(name: .long, help: "total, male or female.") var gender: Gender = .total
        @Option(name: .long, help: "A population group, e.g. grades-8-9.") var group: String?
        @Option(name: .long, help: "Language: fi, sv or en.") var lang: Language = .fi

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let reply = try await gateway.call(IndicatorContracts.Compare.self, .init(
                indicator: indicator, region: region, reference: reference, year: year, gender: gender,
                group: group.map(IndicatorPopulationGroup.init)), headers: options.headers())
            if options.json { try printJSON(reply); return }
            print(Self.render(reply, language: lang))
        }

        static func render(_ reply: IndicatorContracts.Compare.Response, language: Language) -> String {
            let definition = reply.indicator
            let groupText = reply.group.map { " — " + IndicatorText.text($0.label, language, fallback: $0.id) } ?? ""
            let region = IndicatorText.text(reply.region?.name, language, fallback: reply.regionId)
            let reference = IndicatorText.text(reply.referenceRegion?.name, language, fallback: reply.referenceId)
            let relative = reply.relativeDifference.map {
                " (" + IndicatorText.number($0 * 100, decimals: 1, language: language, signed: true) + " %)"
            } ?? ""
            let unit = IndicatorText.differenceUnit(definition.unit, language: language)
            let difference = IndicatorText.number(reply.difference, decimals: definition.decimals, language: language, signed: true)
                + (unit.isEmpty ? "" : " " + unit)
            return [
                "\(definition.id) \(IndicatorText.text(definition.name, language, fallback: definition.id))\(groupText), \(reply.period)",
                "  \(region): \(IndicatorText.value(reply.value, unit: definition.unit, decimals: definition.decimals, language: language))",
                "  \(reference): \(IndicatorText.value(reply.referenceValue, unit: definition.unit, decimals: definition.decimals, language: language))",
                "  \(IndicatorText.word("ero", "skillnad", "difference", language)): \(difference)\(relative)",
                "  \(IndicatorText.word("väriluokka", "färgklass", "colour class", language)): \(IndicatorText.colour(reply.colour, language: language))",
            ].joined(separator: "\n")
        }
    }
}
