import ArgumentParser
import Foundation
import Model
import ServiceRuntime

extension IndicatorCategory: ExpressibleByArgument {}
extension Gender: ExpressibleByArgument {}

extension Indicator {
    /// `hyte indicator list [--category …]`.
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the indicator catalogue.")
        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "Only this category: \(IndicatorCategory.allCases.map(\.rawValue).joined(separator: ", ")).")
        var category: IndicatorCategory?
        @Option(name: .long, help: "Language of names: fi, sv or en.") var lang: Language = .fi

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let reply = try await gateway.call(IndicatorStorageContracts.ListCatalogue.self, .init(category: category),
                                               headers: options.headers())
            if options.json { try printJSON(reply); return }
            print(Self.render(reply.indicators, language: lang))
        }

        static func render(_ indicators: [IndicatorDefinition], language: Language) -> String {
            guard !indicators.isEmpty else {
                return IndicatorText.word("Ei indikaattoreita; tuo luettelo: hyte indicator import FILE",
                                          "Inga indikatorer; importera katalogen: hyte indicator import FILE",
                                          "No indicators; import a catalogue: hyte indicator import FILE", language)
            }
            let header = [IndicatorText.word("tunnus", "id", "id", language),
                          IndicatorText.word("luokka", "kategori", "category", language),
                          IndicatorText.word("yksikkö", "enhet", "unit", language),
                          IndicatorText.word("suunta", "riktning", "direction", language),
                          IndicatorText.word("nimi", "namn", "name", language)]
            return table(header, indicators.map { indicator in
                [indicator.id, indicator.category.map { IndicatorText.text($0.label, language, fallback: $0.rawValue) } ?? "",
                 indicator.unit.symbol.isEmpty ? indicator.unit.description : indicator.unit.symbol,
                 IndicatorText.direction(indicator.direction, language: language),
                 IndicatorText.text(indicator.name, language, fallback: indicator.id)]
            })
        }
    }
}
