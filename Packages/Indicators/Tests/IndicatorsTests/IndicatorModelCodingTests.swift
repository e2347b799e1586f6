import Foundation
import Model
import Testing

@Suite struct IndicatorModelCodingTests {
    @Test func definitionRoundTripsWithUnitGroupsAndRule() throws {
        let definition = IndicatorDefinition(
            id: "31", name: LocalizedText(fi: "Koulukiusattuna vähintään kerran viikossa"), source: "Kouluterveyskysely 2019",
            unit: .other("indeksi"), decimals: 1, direction: .lowerIsBetter, category: .healthAndHabits,
            groups: [.grades4to5, IndicatorPopulationGroup("custom")], sotkanetId: 4711,
            comparisonRule: IndicatorComparisonRule(relativeThreshold: 0.05, absoluteThreshold: 1))
        let data = try JSONEncoder().encode(definition)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""unit":"other:indeksi""#))
        #expect(text.contains(#""groups":["grades-4-5","custom"]"#))
        #expect(text.contains(#""category":"health-and-habits""#))
        #expect(try JSONDecoder().decode(IndicatorDefinition.self, from: data) == definition)
    }

    @Test func minimalDefinitionAndRegionDecodeWithDefaults() throws {
        let definition = try JSONDecoder().decode(IndicatorDefinition.self, from: Data(
            #"{"id": "4", "name": {"fi": "Nuorisotyöttömät"}, "source": "Tilastokeskus", "unit": "%", "direction": "lower-is-better"}"#.utf8))
        #expect(definition.unit == .percent)
        #expect(definition.decimals == 0)
        #expect(definition.groups.isEmpty)
        let region = try JSONDecoder().decode(Region.self, from: Data(#"{"id": "k", "kind": "wellbeing-county", "name": {"fi": "K"}}"#.utf8))
        #expect(region.kind == .wellbeingCounty)
        #expect(region.formerSotkanetIds.isEmpty)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(IndicatorDefinition.self, from: Data(
                #"{"id": "4", "name": {}, "source": "s", "unit": "furlongs", "direction": "neutral"}"#.utf8))
        }
    }

    @Test func valueKeyIdentifiesDuplicatesAndLabelsAreTrilingual() {
        let a = IndicatorValue(indicator: "7", region: "k", period: ReportingPeriod(year: 2019), group: .vocational, value: 79)
        var b = a
        b.value = 80
        #expect(a.key == b.key)
        b.group = .upperSecondary
        #expect(a.key != b.key)
        #expect(IndicatorPopulationGroup.known.allSatisfy { $0.label.fi != nil && $0.label.sv != nil && $0.label.en != nil })
        #expect(IndicatorCategory.allCases.allSatisfy { !$0.label.isEmpty })
        #expect(RegionKind(sotkanetCategory: "MAAKUNTA") == .region)
        #expect(RegionKind(sotkanetCategory: "SEUTUKUNTA") == .other)
    }
}
