import Foundation
import Indicators
import Model
import Testing

/// Every real file in `Fixtures/` parses, and values read back exactly as they are in the file.
@Suite struct RealFileParserTests {
    @Test func sotkanetRowsBecomeIndicatorValues() throws {
        var parser = try SotkanetValueParser(url: FixtureFile.url("sotkanet_data_171_2019_2023", "json"), chunkSize: 64)
        let values = try parser.readAll()
        #expect(values.count == 10)
        #expect(values.first == IndicatorValue(indicator: "171", region: "46", period: ReportingPeriod(year: 2019),
                                               gender: .total, value: 7.4, count: 48189))
        #expect(values.contains(IndicatorValue(indicator: "171", region: "389", period: ReportingPeriod(year: 2023),
                                               value: 10.5, count: 21174)))
    }

    @Test func sotkanetRowsMapToRegionsOfTheRegionTable() throws {
        var regionParser = SotkanetRegionParser(fileName: "regions.json", data: try FixtureFile.data("sotkanet_regions_sample", "json"))
        let table = IndicatorRegionTable(try regionParser.readAll())
        var parser = SotkanetValueParser(fileName: "data.json", data: try FixtureFile.data("sotkanet_data_171_2019_2023", "json"),
                                         regions: table)
        let values = try parser.readAll()
        #expect(values.first?.region == "sotkanet-46")
        #expect(Set(values.map(\.region)) == ["sotkanet-20", "sotkanet-46", "sotkanet-261", "sotkanet-378", "sotkanet-389"])
    }

    @Test func sotkanetRegionsReadWithCodesKindsAndNames() throws {
        var parser = SotkanetRegionParser(fileName: "regions.json", data: try FixtureFile.data("sotkanet_regions_sample", "json"))
        let regions = try parser.readAll()
        #expect(regions.count == 7)
        #expect(regions[0] == Region(id: "sotkanet-20", kind: .municipality, name: LocalizedText(fi: "Espoo", sv: "Esbo", en: "Espoo"),
                                     code: "049", sotkanetId: 20))
        let southwest = try #require(regions.first { $0.sotkanetId == 489 })
        #expect(southwest.kind == .region)
        #expect(southwest.code == "02")
        #expect(southwest.name == LocalizedText(fi: "Varsinais-Suomi", sv: "Egentliga Finland", en: "Southwest Finland"))
    }

    @Test func welfareCountyTableKeepsNewAndOldIdsAndCodes() throws {
        var parser = SotkanetWelfareCountyCSVParser(fileName: "sotkanet_hyvinvointialueet.csv",
                                                    data: try FixtureFile.data("sotkanet_hyvinvointialueet", "csv"))
        let regions = try parser.readAll()
        #expect(regions.count == 23)
        let kymenlaakso = try #require(regions.first { $0.name.fi == "Kymenlaakson hyvinvointialue" })
        #expect(kymenlaakso == Region(id: "sotkanet-967", kind: .wellbeingCounty, name: LocalizedText(fi: "Kymenlaakson hyvinvointialue"),
                                      code: "10", formerCodes: ["6"], sotkanetId: 967, formerSotkanetIds: [887]))
        let aland = try #require(regions.first { $0.sotkanetId == 956 })
        #expect(aland.formerSotkanetIds.isEmpty)
        #expect(aland.formerCodes.isEmpty)
        // Both mappings answer: the old Sotkanet id 887 and the new code 10 find the same county.
        let table = IndicatorRegionTable(regions)
        #expect(table.region(sotkanetId: 887)?.id == "sotkanet-967")
        #expect(table.region(reference: "10")?.id == "sotkanet-967")
    }

    @Test func sotkanetMetadataBecomesDefinitions() throws {
        var parser = SotkanetIndicatorMetadataParser(
            fileName: "meta.json", data: try FixtureFile.data("sotkanet_indicator_metadata_186_322_5527", "json"),
            directions: [186: .lowerIsBetter, 5527: .lowerIsBetter])
        let definitions = try parser.readAll()
        #expect(definitions.map(\.sotkanetId) == [186, 322, 5527])
        let mortality = definitions[0]
        #expect(mortality.id == "sotkanet-186")
        #expect(mortality.name == LocalizedText(fi: "Kuolleisuus / 100 000 asukasta", sv: "Dödlighet / 100 000 invånare",
                                                en: "Mortality per 100 000 inhabitants"))
        #expect(mortality.unit == .perHundredThousand)
        #expect(mortality.decimals == 1)
        #expect(mortality.direction == .lowerIsBetter)
        #expect(mortality.provider?.fi == "Tilastokeskus")
        #expect(mortality.source == "Kuolleet (Tilastokeskus)")
        #expect(mortality.licence?.contains("separate agreement") == true)
        #expect(definitions[1].decimals == 0)
        #expect(definitions[1].direction == .neutral)
        let activity = definitions[2]
        #expect(activity.unit == .percent)
        #expect(activity.provider?.en == "Finnish institute for Health and Welfare (THL)")
        #expect(activity.source == "Terve Suomi -tutkimus (THL)")
        #expect(activity.licence == "CC BY 4.0 (THL, Sotkanet.fi)")
        #expect(activity.description?.fi?.hasPrefix("Indikaattori ilmaisee prosenttiosuuden 20 vuotta täyttäneistä") == true)
        #expect(activity.description?.fi?.contains("<") == false)
    }

    @Test func aSingleMetadataObjectIsOneDefinition() throws {
        let text = #"{"id": 5527, "title": {"fi": "Liian vähän liikkuvat (%)"}, "decimals": 1, "primaryValueType": {"code": "PROS"}}"#
        var parser = SotkanetIndicatorMetadataParser(fileName: "one.json", data: Data(text.utf8))
        let definitions = try parser.readAll()
        #expect(definitions.count == 1)
        #expect(definitions.first?.unit == .percent)
        #expect(definitions.first?.name.fi == "Liian vähän liikkuvat (%)")
    }

    @Test func statisticsFinlandJSONStatBecomesOneValue() throws {
        // Named dimensions: streamed. Region only: the rest comes from `role`, which follows `value`.
        for mapping in [JSONStatMapping(indicator: "Tiedot", region: "Maakunta", time: "Vuosi"), JSONStatMapping(region: "Maakunta")] {
            var parser = JSONStatParser(fileName: "statfin.json", data: try FixtureFile.data("statfin_velk_pxt_13kt_jsonstat2_fi", "json"),
                                        mapping: mapping)
            #expect(try parser.readAll() == [IndicatorValue(indicator: "velat_yht", region: "SSS", period: ReportingPeriod(year: 2002),
                                                            value: 58443598209)])
        }
        var parser = JSONStatParser(fileName: "statfin.json", data: try FixtureFile.data("statfin_velk_pxt_13kt_jsonstat2_fi", "json"),
                                    mapping: JSONStatMapping(region: "Maakunta"))
        let values = try parser.readAll()
        #expect(values == [IndicatorValue(indicator: "velat_yht", region: "SSS", period: ReportingPeriod(year: 2002), value: 58443598209)])
        #expect(parser.dimensions.map(\.id) == ["Vuosi", "Tiedot", "Maakunta", "Viitehenkilön ikä", "Asuntokunnat"])
        #expect(parser.dimensions[1].labels["velat_yht"] == "Velat yhteensä (euroa)")
        #expect(parser.dimensions[1].units["velat_yht"] == JSONStatUnit(base: "euroa", decimals: 0))
        #expect(parser.dimensions[2].labels["SSS"] == "KOKO MAA")
    }

    @Test func jsonStatRegionsMapThroughTheRegionTable() throws {
        let country = Region(id: "whole-country", kind: .wholeCountry, name: LocalizedText(fi: "Koko maa"), code: "SSS")
        var parser = JSONStatParser(fileName: "statfin.json", data: try FixtureFile.data("statfin_velk_pxt_13kt_jsonstat2_fi", "json"),
                                    mapping: JSONStatMapping(region: "Maakunta"))
        let values = try parser.readAll(options: IndicatorParseOptions(regions: IndicatorRegionTable([country])))
        #expect(values.map(\.region) == ["whole-country"])
    }
}
