import BusCore
import BusTesting
import Indicators
import Logging
import Model
import Testing

/// `indicator.import`, `indicator.compare`, `indicator.series` and `indicator.report-data` over an in-memory storage.
@Suite struct IndicatorServiceTests {
    let storage = IndicatorFakeStorage()
    let bus = InMemoryBus()

    init() {
        bus.register(storage.router)
        bus.register(buildIndicatorsRouter(logger: Logger(label: "test.indicators")))
    }

    func load(_ format: IndicatorContracts.Format, _ name: String, _ ext: String,
              batchSize: Int? = nil) async throws -> IndicatorContracts.Import.Response {
        try await bus.call(IndicatorContracts.Import.self, .init(format: format, fileName: "\(name).\(ext)",
                                                                 content: try FixtureFile.text(name, ext), batchSize: batchSize))
    }

    func loadKymenlaakso() async throws {
        _ = try await load(.catalogue, "kymenlaakso-2020-indicators", "json")
        _ = try await load(.hyteCSV, "kymenlaakso-2020-values", "csv")
    }

    @Test func importsCatalogueValuesAndRealFilesAndReimportChangesNothing() async throws {
        let catalogue = try await load(.catalogue, "kymenlaakso-2020-indicators", "json")
        #expect(catalogue.indicatorCounts == .init(added: 42) && catalogue.regionCounts == .init(added: 3))
        let values = try await load(.hyteCSV, "kymenlaakso-2020-values", "csv", batchSize: 50)
        #expect(values.values == 158 && values.batches == 4 && values.valueCounts == .init(added: 158))
        let again = try await load(.hyteCSV, "kymenlaakso-2020-values", "csv")
        #expect(again.valueCounts == .init(unchanged: 158))
        let sotkanet = try await load(.sotkanetJSON, "sotkanet_data_171_2019_2023", "json")
        #expect(sotkanet.valueCounts == .init(added: 10))
        let stat = try await load(.jsonStat, "statfin_velk_pxt_13kt_jsonstat2_fi", "json")
        #expect(stat.valueCounts == .init(added: 1))
        // The JSON-stat region code SSS is the catalogue's whole country.
        #expect(storage.state.withLock { $0.values.values.contains { $0.region == "whole-country" && $0.value == 58443598209 } })
        let metadata = try await load(.sotkanetMetadata, "sotkanet_indicator_metadata_186_322_5527", "json")
        #expect(metadata.indicatorCounts == .init(added: 3))
        let counties = try await load(.sotkanetWelfareCounties, "sotkanet_hyvinvointialueet", "csv")
        #expect(counties.regionCounts == .init(added: 23))
    }

    @Test func aMalformedFileIsRefusedWithItsLineAndNothingIsStored() async throws {
        let content = """
            indicator;region;period;group;value
            2;kymenlaakso;2018;;37
            2;whole-country;2018;;4x
            """
        let error = await #expect(throws: ServiceCallError.self) {
            try await bus.call(IndicatorContracts.Import.self, .init(format: .hyteCSV, fileName: "v.csv", content: content, batchSize: 1))
        }
        #expect(error?.status == 400)
        #expect(error?.error.code == "invalid_file")
        #expect(error?.error.message.hasPrefix("v.csv: line 3, field 'value'") == true, "\(error?.error.message ?? "")")
        #expect(error?.error.details?["line"] == "3")
        storage.state.withLock { state in
            #expect(state.values.isEmpty)
            #expect(state.aborted == 1)
            #expect(state.staged.isEmpty)
        }
    }

    @Test func comparesWithTheWholeCountry() async throws {
        try await loadKymenlaakso()
        let reply = try await bus.call(IndicatorContracts.Compare.self, .init(indicator: "4", region: "kymenlaakso", year: 2018))
        #expect(reply.value == 19 && reply.referenceValue == 12.3)
        #expect(abs(reply.difference - 6.7) < 1e-9)
        #expect(reply.colour == "worrying")
        #expect(reply.referenceId == "whole-country")
        // By the region's code, and a group picked in the definition's order.
        let seven = try await bus.call(IndicatorContracts.Compare.self, .init(indicator: "7", region: "08"))
        #expect(seven.group == .grades4to5 && seven.value == 88 && seven.referenceValue == 89.5 && seven.colour == "neutral")
        let missing = await #expect(throws: ServiceCallError.self) {
            try await bus.call(IndicatorContracts.Compare.self, .init(indicator: "4", region: "kymenlaakso", year: 2030))
        }
        #expect(missing?.status == 404)
    }

    @Test func seriesOfRealSotkanetValuesWithTrend() async throws {
        _ = try await load(.sotkanetJSON, "sotkanet_data_171_2019_2023", "json")
        _ = try await load(.sotkanetRegions, "sotkanet_regions_sample", "json")
        let reply = try await bus.call(IndicatorContracts.Series.self, .init(indicator: "171", regions: ["Helsinki"], fromYear: 2015, toYear: 2023))
        #expect(reply.series.count == 1)
        #expect(reply.series[0].region == "sotkanet-46")
        #expect(reply.series[0].values.map(\.value) == [7.4, 8.6])
        #expect(reply.series[0].values.map(\.count) == [48189, 57877])
        #expect(reply.series[0].trend?.movement == "rising")
        #expect(reply.series[0].trend?.assessment == "stable")
    }

    @Test func reportDataForTheKymenlaaksoPlan() async throws {
        try await loadKymenlaakso()
        let reply = try await bus.call(ReportIndicatorContracts.ReportData.self, .init(
            planId: "kymenlaakso-2020", year: 2019, area: "kymenlaakso",
            items: [.init(item: "I.1", indicators: ["28", "4"]), .init(item: "I.6", indicators: ["4", "999"])]))
        #expect(reply.indicators.map(\.definition.id) == ["28", "4"])
        let four = try #require(reply.indicators.last)
        #expect(four.linkedItems == ["I.1", "I.6"])
        #expect(four.colourClass == .worrying)
        #expect(four.series.map(\.role) == [.area, .wholeCountry])
        #expect(four.series[0].values == [YearValue(year: 2018, value: 19)])
        // The Kymenlaakso plan's owner organisation is Kymsote, whose area is the Kymenlaakso region.
        let kymsote = try await bus.call(ReportIndicatorContracts.ReportData.self, .init(
            planId: "kymenlaakso-2020", area: "kymsote", items: [.init(item: "I.1", indicators: ["4"])]))
        #expect(kymsote.indicators.first?.series.first?.regionId == "kymenlaakso")
        let unknown = await #expect(throws: ServiceCallError.self) {
            try await bus.call(ReportIndicatorContracts.ReportData.self, .init(planId: "p", area: "atlantis", items: []))
        }
        #expect(unknown?.status == 404)
    }
}
