import Foundation
import Model
import PlanFormats
import Reporting
import Testing

/// The example plans of `examples/plans/` and the golden files beside this file, found from its location.
enum ReportFixtures {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let goldenDirectory = testsDirectory.appendingPathComponent("Golden", isDirectory: true)
    static let repositoryRoot = testsDirectory
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // Reporting
        .deletingLastPathComponent()  // Packages
        .deletingLastPathComponent()  // repository root

    /// The day every test report is generated on, so that outputs are stable.
    static let day = ReportDate(year: 2021, month: 11, day: 15)

    static func plan(_ name: String) throws -> PlanDocument {
        let url = repositoryRoot.appendingPathComponent("examples/plans/\(name).yaml")
        return try PlanYAML.decode(String(contentsOf: url, encoding: .utf8), fileName: url.lastPathComponent)
    }

    /// The organisations of `examples/organisations.json`, which give responsible parties their names.
    static func organisations() throws -> [Organisation] {
        let url = repositoryRoot.appendingPathComponent("examples/organisations.json")
        return try JSONDecoder().decode(OrganisationFile.self, from: Data(contentsOf: url)).organisations
    }

    static func input(_ name: String, _ language: Language) throws -> ReportPlanInput {
        ReportPlanInput(document: try plan(name), organisations: try organisations(), language: language, generated: day)
    }

    /// Compares `text` with the golden file `name`; with `UPDATE_GOLDEN=1` in the environment it
    /// writes the file instead (then check the diff before committing it).
    static func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = goldenDirectory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(text.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(text == expected, "\(name) differs from its golden file; run with UPDATE_GOLDEN=1 and review the diff",
                sourceLocation: sourceLocation)
    }

    /// Made-up indicator inputs, clearly sample data, for layout tests and screenshots.
    static func sampleIndicators(linkedTo items: [String]) -> [ReportIndicator] {
        let years = Array(2017...2021)
        func series(_ values: [Double]) -> [YearValue] { zip(years, values).map { YearValue(year: $0, value: $1) } }
        return [
            ReportIndicator(id: "sample-1", name: LocalizedText(fi: "Tyytyväinen elämäänsä, 8. ja 9. luokka (esimerkkiaineisto)",
                                                             sv: "Nöjd med sitt liv, åk 8 och 9 (exempeldata)",
                                                             en: "Satisfied with life, grades 8 and 9 (sample data)"),
                            unit: "%", decimals: 1, direction: .higherIsBetter,
                            source: LocalizedText(fi: "Kouluterveyskysely (esimerkki)", sv: "Skolhälsoenkäten (exempel)", en: "School Health Promotion study (sample)"),
                            category: LocalizedText(fi: "Hyvinvointi, osallisuus ja vapaa-aika", sv: "Välfärd, delaktighet och fritid", en: "Welfare, participation and leisure"),
                            areaName: LocalizedText(fi: "Loviisa", sv: "Lovisa", en: "Loviisa"),
                            values: series([71.2, 72.0, 73.4, 72.8, 74.1]), country: series([74.0, 74.6, 75.2, 74.9, 75.0]),
                            county: series([72.5, 73.1, 73.9, 73.5, 74.2]), colourClass: .neutral, trend: .improving, linkedItems: items),
            ReportIndicator(id: "sample-2", name: LocalizedText(fi: "Lastensuojeluilmoitukset (esimerkkiaineisto)", sv: "Barnskyddsanmälningar (exempeldata)",
                                                             en: "Child-protection notifications (sample data)"),
                            unit: "lkm", decimals: 0, direction: .lowerIsBetter,
                            source: LocalizedText(fi: "Hyvinvointialueen asiakasrekisteri (esimerkki)", sv: "Välfärdsområdets klientregister (exempel)",
                                                  en: "Wellbeing county's client register (sample)"),
                            category: LocalizedText(fi: "Lastensuojelu", sv: "Barnskydd", en: "Child protection"),
                            areaName: LocalizedText(fi: "Loviisa", sv: "Lovisa", en: "Loviisa"),
                            values: series([3120, 3340, 3514, 3702, 3650]), country: [], county: [],
                            colourClass: .worrying, trend: .worsening, linkedItems: items),
            ReportIndicator(id: "sample-3", name: LocalizedText(fi: "Nuorisotyöttömät (esimerkkiaineisto)", sv: "Unga arbetslösa (exempeldata)",
                                                             en: "Unemployed young people (sample data)"),
                            unit: "%", decimals: 1, direction: .lowerIsBetter,
                            source: LocalizedText(fi: "Tilastokeskus ja TEM (esimerkki)", sv: "Statistikcentralen och ANM (exempel)", en: "Statistics Finland and MEAE (sample)"),
                            category: LocalizedText(fi: "Elintaso ja työssäkäynti", sv: "Levnadsstandard och sysselsättning", en: "Standard of living and employment"),
                            areaName: LocalizedText(fi: "Loviisa", sv: "Lovisa", en: "Loviisa"),
                            values: series([14.1, 12.9, 11.6, 13.8, 10.9]), country: series([13.5, 12.3, 11.9, 14.6, 11.8]),
                            county: series([14.8, 13.6, 12.7, 15.1, 12.5]), colourClass: .good, trend: .improving, linkedItems: items),
        ]
    }
}
