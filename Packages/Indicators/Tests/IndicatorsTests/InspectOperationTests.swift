import BusCore
import BusTesting
import Indicators
import Logging
import Model
import Testing

@Suite struct InspectOperationTests {
    private func bus() -> InMemoryBus {
        let bus = InMemoryBus()
        bus.register(buildIndicatorsRouter(logger: Logger(label: "test.indicators")))
        return bus
    }

    @Test func inspectsTheRealFileOverTheBus() async throws {
        let request = IndicatorContracts.Inspect.Request(format: .sotkanetJSON, fileName: "sotkanet_data_171_2019_2023.json",
                                                         content: try FixtureFile.sotkanet171())
        let response = try await bus().call(IndicatorContracts.Inspect.self, request)
        #expect(response.rows == 10)
        #expect(response.regions == [20, 46, 261, 378, 389])
        #expect(response.years == [2019, 2023])
        #expect(response.ranges.map(\.max) == [9.3, 10.5])
    }

    @Test func aBrokenRowIsABadRequestNamingThePath() async throws {
        let content = #"[{"indicator": 171, "region": 46, "year": "20x1", "gender": "total"}]"#
        let request = IndicatorContracts.Inspect.Request(format: .sotkanetJSON, fileName: "data.json", content: content)
        let error = await #expect(throws: ServiceCallError.self) {
            try await bus().call(IndicatorContracts.Inspect.self, request)
        }
        #expect(error?.status == 400)
        #expect(error?.error.code == "invalid_file")
        #expect(error?.error.message == #"data.json: $[0].year: expected an integer, found "20x1""#)
        #expect(error?.error.details?["path"] == "$[0].year")
        #expect(error?.error.details?["line"] == "1")
    }
}
