import Foundation
import Model
import Reporting
import Testing

/// Writes the sample HTML reports that `tools/check-reports.sh` turns into the screenshots of
/// `docs/screenshots/`, when `HYTE_REPORT_SAMPLES` names a directory; otherwise checks that they build.
/// Indicator values and the second half-year's statuses are made up and say so.
@Suite struct ReportSamples {
    static let sampleNote: [Language: String] = [
        .fi: "Esimerkkiaineisto: indikaattorien arvot, arvomittari ja 7–12/2021 tilannetiedot on keksitty näytettä varten.",
        .sv: "Exempeldata: indikatorvärdena, värdemätaren och lägesrapporterna för 7–12/2021 är påhittade för exemplets skull.",
        .en: "Sample data: the indicator values, the value measure and the status reports of July–December 2021 are made up for this example.",
    ]

    /// The perusturvakeskus plan with made-up status reports for 2021H2, so that the dashboard shows changes.
    static func sampleInput(_ language: Language) throws -> ReportPlanInput {
        var input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", language)
        // A made-up value measure on the customer-satisfaction survey (action 2.3.1.1).
        input.document.items[1].children[2].children[0].children[0].measures.append(Measure(
            id: "sample-satisfaction", kind: .value,
            title: LocalizedText(fi: "Asiakastyytyväisyys, asteikko 1–6 (esimerkki)", sv: "Kundnöjdhet, skala 1–6 (exempel)",
                                 en: "Customer satisfaction, scale 1–6 (sample)"),
            baseline: YearValue(year: 2020, value: 4.1), target: YearValue(year: 2021, value: 4.3), direction: .higherIsBetter))
        let h1 = input.statusReports.filter { $0.period == ReportingPeriod(year: 2021, part: .half(1)) }
        let progressed: [ActionStatus: ActionStatus] = [.postponed: .inProgress, .inProgress: .done, .notStarted: .inProgress]
        for (index, report) in h1.enumerated() {
            var next = report
            next.period = ReportingPeriod(year: 2021, part: .half(2))
            next.narrative = LocalizedText(fi: "Esimerkkiaineisto.", sv: "Exempeldata.", en: "Sample data.")
            next.reason = nil
            if index % 3 == 0 { next.status = progressed[report.status] ?? report.status }
            if index == 7 { next.status = .notDone }
            if report.item == "2.3.1.1" { next.values = [MeasureValue(measure: "sample-satisfaction", value: 4.2)] }
            input.statusReports.append(next)
        }
        return input
    }

    static func documents(_ language: Language) throws -> [String: ReportDocument] {
        let input = try sampleInput(language)
        let indicators = ReportFixtures.sampleIndicators(linkedTo: ["1.2", "4.1"])
        let welfare = WelfareReportInputs(indicators: indicators, positive: [
            LocalizedText(fi: "Nuorisotyöttömyys on vähentynyt (esimerkki).", sv: "Ungdomsarbetslösheten har minskat (exempel).",
                          en: "Youth unemployment has decreased (sample)."),
        ], negative: [
            LocalizedText(fi: "Lastensuojeluilmoitukset ovat lisääntyneet (esimerkki).", sv: "Barnskyddsanmälningarna har ökat (exempel).",
                          en: "Child-protection notifications have increased (sample)."),
        ])
        var annual = try AnnualWelfareReport(input: input, year: 2021, welfare: welfare).document()
        var dashboard = try DashboardReport(input: input, period: ReportingPeriod(year: 2021, part: .half(2)), indicators: indicators).document()
        for index in [0] {
            annual.sections[index].blocks.insert(.note(sampleNote[language]!), at: 0)
            dashboard.sections[index].blocks.insert(.note(sampleNote[language]!), at: 0)
        }
        let regional = try ReportFixtures.input("kymenlaakso-children-youth-2020-2024", language)
        var regionalIndicators = indicators
        regionalIndicators[0].id = "28"
        regionalIndicators[2].id = "4"
        var overview = try IndicatorOverviewReport(input: regional, indicators: regionalIndicators).document()
        overview.sections[0].blocks.insert(.note(sampleNote[language]!), at: 0)
        var term = try TermWelfareReport(input: input, welfare: welfare).document()
        term.sections[0].blocks.insert(.note(sampleNote[language]!), at: 0)
        return ["annual-report": annual, "dashboard": dashboard, "indicator-overview": overview, "term-report": term]
    }

    @Test func writesTheSampleReportsForScreenshots() throws {
        for language in Language.allCases {
            let documents = try Self.documents(language)
            #expect(documents.count == 4)
            guard let directory = ProcessInfo.processInfo.environment["HYTE_REPORT_SAMPLES"] else { continue }
            for (name, document) in documents {
                let url = URL(fileURLWithPath: directory).appendingPathComponent("\(name)-\(language.rawValue).html")
                try Data(ReportHTMLRenderer().render(document).utf8).write(to: url)
                try ReportXLSXWriter().write(document).write(to: url.deletingPathExtension().appendingPathExtension("xlsx"))
            }
        }
    }
}
