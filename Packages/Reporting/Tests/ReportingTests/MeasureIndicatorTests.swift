import BusCore
import BusTesting
import Foundation
import Logging
import Model
import Reporting
import Testing

/// Measures that reference an indicator take their latest value from the indicator data of the
/// plan's area; a value reported by hand for a later period wins.
@Suite struct MeasureIndicatorTests {
    static let h1 = ReportingPeriod(year: 2021, part: .half(1))

    /// Youth unemployment in the plan's area, 2018–2020 and 2022, lower is better.
    static func unemployment(id: String = "nuorisotyottomyys", references: [String]? = nil) -> ReportIndicator {
        ReportIndicator(id: id, name: LocalizedText(fi: "Nuorisotyöttömät"), unit: "%", decimals: 1, direction: .lowerIsBetter,
                        areaName: LocalizedText(fi: "Loviisa"),
                        values: [YearValue(year: 2018, value: 14.1), YearValue(year: 2019, value: 12.9),
                                 YearValue(year: 2020, value: 11.6), YearValue(year: 2022, value: 9.0)],
                        country: [YearValue(year: 2020, value: 12.3)], references: references)
    }

    /// The annual report of 2021 of the Loviisa plan with `measures` on its first item, as Markdown.
    static func annualReport(_ measures: [Measure], statusValues: [(ReportingPeriod, MeasureValue)] = [],
                             indicators: [ReportIndicator] = [unemployment()]) throws -> String {
        var document = try ReportFixtures.plan("loviisa-perusturvakeskus-2021")
        document.items[0].measures = measures
        for (period, value) in statusValues {
            document.statusReports.append(StatusReport(item: "1", period: period, status: .inProgress, values: [value]))
        }
        let input = ReportPlanInput(document: document, language: .fi, generated: ReportFixtures.day)
        let report = try AnnualWelfareReport(input: input, year: 2021, welfare: WelfareReportInputs(indicators: indicators)).document()
        return ReportMarkdownRenderer().render(report)
    }

    @Test func anIndicatorMeasureTakesTheLatestAreaValueUpToTheReportYear() throws {
        let measure = Measure(id: "m1", kind: .indicator, title: LocalizedText(fi: "Nuorisotyöttömyys laskee"),
                              baseline: YearValue(year: 2018, value: 14.1), target: YearValue(year: 2024, value: 10),
                              indicator: "nuorisotyottomyys")
        let markdown = try Self.annualReport([measure])
        // 2020 is the latest year up to 2021 (the 2022 value is left out); (11,6 − 14,1) / (10 − 14,1) = 61 %.
        #expect(markdown.contains("| 1 | Nuorisotyöttömyys laskee | 14,1\u{00A0}% | 2018 | 11,6\u{00A0}% | 2020 | 10\u{00A0}% | 2024 | 61\u{00A0}% | ✓ tavoitteen suunnassa |"),
                "\(markdown)")
    }

    @Test func anIndicatorMeasureWithoutBaselineOrTargetIsListedWithItsValue() throws {
        let measure = Measure(id: "m1", kind: .indicator, title: LocalizedText(fi: "Nuorisotyöttömyys"), indicator: "nuorisotyottomyys")
        let markdown = try Self.annualReport([measure])
        #expect(markdown.contains("| 1 | Nuorisotyöttömyys |  |  | 11,6\u{00A0}% | 2020 |  |  |  |  |"), "\(markdown)")
    }

    @Test func aValueReportedByHandForALaterPeriodWinsOverTheData() throws {
        let measure = Measure(id: "m1", kind: .value, title: LocalizedText(fi: "Nuorisotyöttömyys laskee"), unit: "%",
                              baseline: YearValue(year: 2018, value: 14.1), target: YearValue(year: 2024, value: 10),
                              indicator: "nuorisotyottomyys")
        let later = try Self.annualReport([measure], statusValues: [(Self.h1, MeasureValue(measure: "m1", value: 12.1))])
        #expect(later.contains("| 1 | Nuorisotyöttömyys laskee | 14,1\u{00A0}% | 2018 | 12,1\u{00A0}% | 1–6/2021 | 10\u{00A0}% | 2024 | 49\u{00A0}% |"),
                "\(later)")
        // A hand-reported value of an earlier period than the data's year does not.
        let earlier = try Self.annualReport([measure], statusValues: [(ReportingPeriod(year: 2019), MeasureValue(measure: "m1", value: 13.0))])
        #expect(earlier.contains("| 1 | Nuorisotyöttömyys laskee | 14,1\u{00A0}% | 2018 | 11,6\u{00A0}% | 2020 |"), "\(earlier)")
    }

    @Test func theDirectionComesFromTheIndicatorWhenTheMeasureHasNone() throws {
        // No baseline: attainment is target ÷ latest for lower-is-better (10 / 11,6 = 86 %), not latest ÷ target (116 %).
        let fromIndicator = Measure(id: "m1", kind: .indicator, title: LocalizedText(fi: "Nuorisotyöttömyys alle 10 %"),
                                    target: YearValue(year: 2024, value: 10), indicator: "nuorisotyottomyys")
        let markdown = try Self.annualReport([fromIndicator])
        #expect(markdown.contains("| 11,6\u{00A0}% | 2020 | 10\u{00A0}% | 2024 | 86\u{00A0}% |"), "\(markdown)")
        // The measure's own direction is used when it has one.
        var own = fromIndicator
        own.direction = .higherIsBetter
        #expect(try Self.annualReport([own]).contains("| 11,6\u{00A0}% | 2020 | 10\u{00A0}% | 2024 | 116\u{00A0}% |"))
    }

    @Test func aMeasureNamesItsIndicatorByAnIdTheServiceResolved() throws {
        let measure = Measure(id: "m1", kind: .indicator, title: LocalizedText(fi: "Nuorisotyöttömyys"), indicator: "186")
        let markdown = try Self.annualReport([measure], indicators: [Self.unemployment(references: ["186"])])
        #expect(markdown.contains("| 1 | Nuorisotyöttömyys |  |  | 11,6\u{00A0}% | 2020 |"), "\(markdown)")
        // Without data for the indicator the measure is listed without a value.
        let missing = try Self.annualReport([measure], indicators: [])
        #expect(missing.contains("| 1 | Nuorisotyöttömyys |  |  |  | ei arvoa |"), "\(missing)")
    }

    @Test func theIndicatorRequestIncludesTheIndicatorsMeasuresReference() async throws {
        var storage = try PlanStorageDouble()
        var plan = try #require(storage.plans["loviisa-perusturvakeskus-2021"])
        plan.items[0].measures.append(Measure(id: "m-ind", kind: .indicator, title: LocalizedText(fi: "Nuorisotyöttömyys"), indicator: "186"))
        storage.plans[plan.plan.id] = plan
        let received = try await IndicatorRequests.recorded(with: storage) { bus in
            _ = try? await bus.call(ReportingContracts.Annual.self, PlanReportRequest(planId: plan.plan.id, year: 2021, format: .markdown, language: .fi))
        }
        let request = try #require(received.first)
        #expect(request.items.contains { $0.item == plan.items[0].number && $0.indicators.contains("186") })
    }

    @Test func theIndicatorsServicesAnswerCarriesTheIdsThePlanUsed() throws {
        let definition = IndicatorDefinition(id: "nuorisotyottomyys", name: LocalizedText(fi: "Nuorisotyöttömät"), source: "Tilastokeskus",
                                             unit: .percent, decimals: 1, direction: .lowerIsBetter)
        let data = ReportIndicatorContracts.IndicatorData(definition: definition, series: [
            .init(regionId: "loviisa", name: LocalizedText(fi: "Loviisa"), role: .area, values: [YearValue(year: 2020, value: 11.6)]),
        ], references: ["186"])
        let indicator = ReportIndicator(data: data)
        #expect(indicator.references == ["186"])
        #expect(indicator.direction == .lowerIsBetter)
    }
}
