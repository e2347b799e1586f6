import BusCore
import BusTesting
import Foundation
import Logging
import Model
import Reporting
import Testing
import ZIPFoundation

/// The `report.*` operations over the in-memory bus: plan and organisations from a storage double,
/// indicators from a stub indicators service or none at all.
@Suite struct PlanReportOperationTests {
    static let plan = "loviisa-perusturvakeskus-2021"
    static let period = try! ReportingPeriod(parsing: "2021H1")

    /// An indicators service answering `indicator.report-data` with one indicator linked to item 1.
    static var indicatorsRouter: Router {
        var router = Router(service: ServiceName.indicators)
        router.on(ReportIndicatorContracts.ReportData.self) { request, _ in
            let definition = IndicatorDefinition(id: "sample-1", name: LocalizedText(fi: "Tyytyväinen elämäänsä (esimerkki)", en: "Satisfied with life (sample)"),
                                                 source: "Kouluterveyskysely", unit: .percent, decimals: 1, direction: .higherIsBetter,
                                                 category: .welfareAndLeisure)
            let years = Array(2017...(request.year ?? 2021))
            func series(_ start: Double) -> [YearValue] { years.enumerated().map { YearValue(year: $1, value: start + Double($0)) } }
            return .init(indicators: [
                .init(definition: definition, series: [
                    .init(regionId: request.area, name: LocalizedText(fi: "Loviisa", sv: "Lovisa"), role: .area, values: series(70)),
                    .init(regionId: "whole-country", name: LocalizedText(fi: "Koko maa"), role: .wholeCountry, values: series(72)),
                ], colourClass: .worrying, trend: .improving, linkedItems: ["1"]),
            ], developments: .init(positive: [LocalizedText(fi: "Tyytyväisyys kasvoi (esimerkki).")]))
        }
        return router
    }

    private func bus(indicators: Router? = nil) throws -> InMemoryBus {
        let bus = InMemoryBus()
        bus.register(try PlanStorageDouble().router)
        if let indicators { bus.register(indicators) }
        bus.register(buildReportingRouter(logger: Logger(label: "test.reporting"),
                                          reports: PlanReportService(today: { ReportFixtures.day })))
        return bus
    }

    private func request(_ format: ReportDocumentFormat = .markdown, _ language: Language = .fi, plan: String = plan,
                         period: ReportingPeriod? = period, year: Int? = nil) -> PlanReportRequest {
        PlanReportRequest(planId: plan, period: period, year: year, format: format, language: language)
    }

    private func call(_ kind: PlanReportKind, _ request: PlanReportRequest, on bus: InMemoryBus) async throws -> PlanReportResponse {
        switch kind {
        case .matrix: try await bus.call(ReportingContracts.Matrix.self, request)
        case .followup: try await bus.call(ReportingContracts.FollowUp.self, request)
        case .dashboard: try await bus.call(ReportingContracts.Dashboard.self, request)
        case .annual: try await bus.call(ReportingContracts.Annual.self, request)
        case .term: try await bus.call(ReportingContracts.Term.self, request)
        case .indicators: try await bus.call(ReportingContracts.Indicators.self, request)
        }
    }

    @Test(arguments: PlanReportKind.allCases)
    func everyReportRendersInMarkdown(kind: PlanReportKind) async throws {
        let bus = try bus(indicators: Self.indicatorsRouter)
        let response = try await call(kind, request(year: 2021), on: bus)
        #expect(response.contentType == "text/markdown; charset=utf-8")
        #expect(response.encoding == .text)
        #expect(response.body.hasPrefix("# "))
        #expect(response.fileName.hasPrefix("\(Self.plan)-\(kind.rawValue)-"))
        #expect(response.body.contains("Indikaattoritietoja ei ole saatavilla") == false)
        if kind.usesIndicators { #expect(response.body.contains("Tyytyväinen elämäänsä (esimerkki)")) }
    }

    @Test func theFollowUpReportShowsTheStatusWords() async throws {
        let body = try await call(.followup, request(), on: try bus()).body
        #expect(body.hasPrefix("# Seurantaraportti"))
        #expect(body.contains("käynnissä") || body.contains("toteutunut"))
    }

    @Test func theAnnualReportCarriesTheDevelopments() async throws {
        let body = try await call(.annual, request(.markdown, .fi, period: nil, year: 2021), on: try bus(indicators: Self.indicatorsRouter)).body
        #expect(body.contains("Tyytyväisyys kasvoi (esimerkki)."))
    }

    @Test(arguments: [PlanReportKind.dashboard, .annual, .term, .indicators])
    func withoutAnIndicatorsServiceTheReportStillRendersAndSaysSo(kind: PlanReportKind) async throws {
        let response = try await call(kind, request(year: 2021), on: try bus())
        #expect(response.body.contains("Indikaattoritietoja ei ole saatavilla"))
    }

    @Test func anIndicatorsServiceWithoutTheOperationCountsAsUnavailable() async throws {
        let bus = try bus(indicators: Router(service: ServiceName.indicators))
        let body = try await call(.annual, request(.markdown, .en, period: nil, year: 2021), on: bus).body
        #expect(body.contains("Indicator data not available"))
        #expect(body.hasPrefix("# Annual welfare report"))
    }

    @Test func anUnknownPlanIsNotFoundNamingIt() async throws {
        let bus = try bus()
        let error = await #expect(throws: ServiceCallError.self) {
            try await call(.followup, request(plan: "no-such-plan"), on: bus)
        }
        #expect(error?.status == 404)
        #expect(error?.error.code == "plan_not_found")
        #expect(error?.error.message.contains("'no-such-plan'") == true)
    }

    @Test func aPeriodWithoutStatusReportsIsNotFound() async throws {
        let bus = try bus()
        let error = await #expect(throws: ServiceCallError.self) {
            try await call(.followup, request(period: try ReportingPeriod(parsing: "2021H2")), on: bus)
        }
        #expect(error?.status == 404)
        #expect(error?.error.code == "no_data")
        #expect(error?.error.message.contains("2021H2") == true)
    }

    @Test func aYearWithoutDataIsNotFound() async throws {
        let bus = try bus()
        let error = await #expect(throws: ServiceCallError.self) {
            try await call(.annual, request(period: nil, year: 2019), on: bus)
        }
        #expect(error?.status == 404)
        #expect(error?.error.code == "no_data")
    }

    @Test func aMissingPeriodIsABadRequest() async throws {
        let error = await #expect(throws: ServiceCallError.self) {
            try await call(.followup, request(period: nil), on: try bus())
        }
        #expect(error?.status == 400)
    }

    @Test func xlsxTravelsAsBase64OfAZip() async throws {
        let response = try await call(.followup, request(.xlsx), on: try bus())
        #expect(response.encoding == .base64)
        let bytes = try #require(Data(base64Encoded: response.body))
        #expect(bytes.prefix(2) == Data("PK".utf8))
        #expect(response.fileName.hasSuffix(".xlsx"))
    }

    @Test func htmlNamesItsLanguage() async throws {
        let response = try await call(.dashboard, request(.html, .sv), on: try bus())
        #expect(response.body.contains(#"lang="sv""#))
    }

    @Test func theIndicatorRequestNamesTheMunicipalityAndTheItems() async throws {
        let storage = try PlanStorageDouble()
        let plan = try #require(storage.plans["kymenlaakso-children-youth-2020-2024"])
        let received = try await IndicatorRequests.recorded(with: storage) { bus in
            _ = try? await bus.call(ReportingContracts.Indicators.self, PlanReportRequest(planId: plan.plan.id, year: 2023, format: .markdown, language: .fi))
        }
        let request = try #require(received.first)
        #expect(request.planId == plan.plan.id)
        #expect(request.year == 2023)
        #expect(request.area == "kymsote")
        #expect(request.referenceRegions.contains("whole-country"))
        #expect(request.items.contains { $0.indicators.contains("28") })
    }
}
