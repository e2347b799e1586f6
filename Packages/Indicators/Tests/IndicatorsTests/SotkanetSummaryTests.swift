import Indicators
import Model
import Testing

@Suite struct SotkanetSummaryTests {
    @Test func summarisesTheRealFile() throws {
        var parser = SotkanetJSONParser(fileName: "sotkanet_data_171_2019_2023.json", content: try FixtureFile.sotkanet171())
        let summary = try SotkanetSummary(parsing: &parser).response
        #expect(summary.rows == 10)
        #expect(summary.indicators == [171])
        #expect(summary.regions == [20, 46, 261, 378, 389])
        #expect(summary.years == [2019, 2023])
        #expect(summary.genders == [.total])
        #expect(summary.missingValues == 0)
        // Espoo (20) has the lowest share of residents aged 75+ and Turku (389) the highest, both years.
        #expect(summary.ranges == [
            .init(indicator: 171, year: 2019, min: 5.9, max: 9.3, minRegion: 20, maxRegion: 389),
            .init(indicator: 171, year: 2023, min: 7.2, max: 10.5, minRegion: 20, maxRegion: 389),
        ])
    }

    @Test func countsMissingValuesAndLeavesThemOutOfRanges() {
        var summary = SotkanetSummary()
        summary.add(SotkanetRow(indicator: 2, region: 9, year: 2020, gender: .female, value: nil, absValue: 3))
        summary.add(SotkanetRow(indicator: 2, region: 8, year: 2020, gender: .male, value: 4, absValue: nil))
        summary.add(SotkanetRow(indicator: 1, region: 7, year: 2021, gender: .total, value: nil, absValue: nil))
        let response = summary.response
        #expect(response.rows == 3)
        #expect(response.missingValues == 2)
        #expect(response.indicators == [1, 2])
        #expect(response.genders == [.total, .male, .female])
        #expect(response.ranges == [.init(indicator: 2, year: 2020, min: 4, max: 4, minRegion: 8, maxRegion: 8)])
    }

    @Test func tiesNameTheLowerRegion() {
        var summary = SotkanetSummary()
        for region in [30, 10, 20] {
            summary.add(SotkanetRow(indicator: 1, region: region, year: 2020, gender: .total, value: 5, absValue: nil))
        }
        #expect(summary.response.ranges == [.init(indicator: 1, year: 2020, min: 5, max: 5, minRegion: 10, maxRegion: 10)])
    }

    @Test func emptyFileGivesAnEmptySummary() throws {
        var parser = SotkanetJSONParser(fileName: "empty.json", content: "[]")
        let response = try SotkanetSummary(parsing: &parser).response
        #expect(response == .init(rows: 0, indicators: [], regions: [], years: [], genders: [], missingValues: 0, ranges: []))
    }
}
