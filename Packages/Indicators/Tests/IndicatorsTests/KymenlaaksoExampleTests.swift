import Foundation
import Indicators
import Model
import Testing

/// The example catalogue and values of the regional plan (`examples/indicators/`), read from the
/// repository beside the tests.
enum KymenlaaksoExample {
    static var folder: URL {
        // Packages/Indicators/Tests/IndicatorsTests/<file> → the repository root.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("examples/indicators")
    }

    static func catalogue() throws -> IndicatorCatalogue {
        let url = folder.appendingPathComponent("kymenlaakso-2020-indicators.json")
        return try IndicatorCatalogue.decode(Data(contentsOf: url), fileName: url.lastPathComponent)
    }

    static func values(regions: IndicatorRegionTable? = nil) throws -> [IndicatorValue] {
        var parser = try IndicatorCSVParser(url: folder.appendingPathComponent("kymenlaakso-2020-values.csv"))
        return try parser.readAll(options: IndicatorParseOptions(regions: regions))
    }
}

@Suite struct KymenlaaksoExampleTests {
    @Test func theCatalogueHasTheDocumentsThirtyTwoIndicators() throws {
        let catalogue = try KymenlaaksoExample.catalogue()
        let numbered = catalogue.indicators.filter { $0.partOf == nil }
        #expect(numbered.map(\.id) == (1...32).map(String.init))
        #expect(catalogue.indicators.filter { $0.partOf == "16" }.count == 10)
        #expect(numbered.allSatisfy { $0.name.fi != nil && $0.name.sv != nil && $0.name.en != nil })
        let seven = try #require(catalogue.indicator("7"))
        #expect(seven.name.fi == "Tyytyväinen elämäänsä")
        #expect(seven.groups == [.grades4to5, .grades8to9, .upperSecondary, .vocational, .guardiansOf4YearOlds])
        #expect(seven.direction == .higherIsBetter)
        #expect(seven.category == .welfareAndLeisure)
        #expect(catalogue.indicator("4")?.direction == .lowerIsBetter)
        #expect(catalogue.indicator("4")?.source == "Tilastokeskus ja TEM 2018")
        #expect(catalogue.indicator("2")?.unit == .perThousand)
        #expect(catalogue.indicator("16.9")?.unit == .perTenThousand)
        #expect(Set(numbered.compactMap(\.category)) == Set(IndicatorCategory.allCases))
    }

    @Test func everyPlanSubGoalIndicatorIsInTheCatalogue() throws {
        // The `indicators:` lists of examples/plans/kymenlaakso-children-youth-2020-2024.yaml.
        let linked = [["28", "10", "9", "12", "14"], ["8", "19", "20", "14"], ["15", "14", "17"], ["7", "21", "22", "29", "25"],
                      ["18", "17", "7", "19", "20"], ["4", "5", "6", "31", "16", "28", "29"], ["7", "10", "24"], ["10", "9", "11"],
                      ["24", "7", "23"], ["10", "8", "14"], ["4", "17", "12"], ["10", "8", "14"], ["17", "19", "20"],
                      ["17", "19", "20", "29", "16", "4"], ["8", "7", "10", "12", "19", "29"]]
        let catalogue = try KymenlaaksoExample.catalogue()
        for id in Set(linked.joined()) { #expect(catalogue.indicator(id) != nil, "indicator \(id)") }
        // The indicators of section 1.3 "other indicators followed" are linked to no sub-goal.
        #expect(Set((1...32).map(String.init)).subtracting(linked.joined()) == ["1", "2", "3", "13", "26", "27", "30", "32"])
    }

    @Test func valuesReadBackAsTheDocumentGivesThem() throws {
        let catalogue = try KymenlaaksoExample.catalogue()
        let values = try KymenlaaksoExample.values(regions: IndicatorRegionTable(catalogue.regions))
        func value(_ indicator: String, _ region: String, _ group: IndicatorPopulationGroup? = nil) -> Double? {
            values.first { $0.indicator == indicator && $0.region == region && $0.group == group }?.value
        }
        #expect(value("7", "kymenlaakso", .grades4to5) == 88)
        #expect(value("7", "whole-country", .grades4to5) == 89.5)
        #expect(value("7", "whole-country", .guardiansOf4YearOlds) == 90.1)
        #expect(values.first { $0.indicator == "7" && $0.group == .guardiansOf4YearOlds }?.period == ReportingPeriod(year: 2018))
        #expect(value("28", "kymenlaakso", .grades8to9) == 25)
        #expect(value("28", "whole-country", .grades8to9) == 27.9)
        #expect(value("31", "kymenlaakso", .grades4to5) == 7.9)
        #expect(value("1", "kymenlaakso", .ages0to6) == -26)
        #expect(value("1", "whole-country", .ages7to15) == -22.7)
        #expect(value("16.1", "kymenlaakso") == 3514)
        #expect(value("16.9", "whole-country", .ages0to17) == 3.3)
        #expect(value("15", "whole-country", .guardiansOf4YearOlds) == nil)
        // Every value's indicator and group are in the catalogue.
        for item in values {
            let definition = try #require(catalogue.indicator(item.indicator))
            if let group = item.group { #expect(definition.groups.contains(group), "\(item.indicator) \(group)") }
        }
        #expect(values.count == 158)
    }
}
