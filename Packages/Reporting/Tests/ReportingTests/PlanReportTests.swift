import Foundation
import Model
import Reporting
import Testing

/// What the dashboard, the welfare reports and the indicator overview contain, and that a period
/// without data is an error.
@Suite struct PlanReportTests {
    static let h1 = ReportingPeriod(year: 2021, part: .half(1))

    @Test func theDashboardListsStatusChangesSinceThePreviousPeriod() throws {
        let input = try ReportSamples.sampleInput(.en)
        let document = try DashboardReport(input: input, period: ReportingPeriod(year: 2021, part: .half(2))).document()
        let markdown = ReportMarkdownRenderer().render(document)
        #expect(markdown.contains("| 1.2.1.1 | Kehitetään moniammatillinen hoitopolku ennakolliseen lastensuojeluilmoitukseen. (fi) | ● done | ✕ not done |"))
        #expect(markdown.contains("No indicators were given."))
        #expect(document.sections.map(\.heading.text) == ["Summary", "Status of actions by focus area", "Value measures",
                                                          "Indicators by colour class", "Changes since the previous period"])
    }

    @Test func theFirstPeriodHasNoPreviousOneToCompareWith() throws {
        let document = try DashboardReport(input: ReportFixtures.input("loviisa-perusturvakeskus-2021", .fi), period: Self.h1).document()
        #expect(ReportMarkdownRenderer().render(document).contains("Edellisen kauden tilannetietoja ei ole."))
    }

    @Test func valueMeasuresShowBaselineLatestTargetAndAttainment() throws {
        var document = try ReportFixtures.plan("loviisa-perusturvakeskus-2021")
        document.items[0].measures = [Measure(id: "m1", kind: .value, title: LocalizedText(fi: "Kotona asuvat 75 v täyttäneet"), unit: "%",
                                              baseline: YearValue(year: 2018, value: 93), target: YearValue(year: 2021, value: 94),
                                              direction: .higherIsBetter)]
        document.statusReports.append(StatusReport(item: "1", period: Self.h1, status: .inProgress, values: [MeasureValue(measure: "m1", value: 93.5)]))
        let input = ReportPlanInput(document: document, language: .fi, generated: ReportFixtures.day)
        let markdown = ReportMarkdownRenderer().render(try AnnualWelfareReport(input: input, year: 2021).document())
        #expect(markdown.contains("| 1 | Kotona asuvat 75 v täyttäneet | 93\u{00A0}% | 2018 | 93,5\u{00A0}% | 1–6/2021 | 94\u{00A0}% | 2021 | 50\u{00A0}% | ✓ tavoitteen suunnassa |"))
    }

    @Test func theAnnualReportShowsIndicatorsDevelopmentsAndAParticipationPlaceholder() throws {
        let input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", .fi)
        let welfare = WelfareReportInputs(indicators: ReportFixtures.sampleIndicators(linkedTo: ["1.2"]),
                                          positive: [LocalizedText(fi: "Myönteinen")], negative: [])
        let document = try AnnualWelfareReport(input: input, year: 2021, welfare: welfare).document()
        #expect(document.sections.map(\.heading.text) == ["Yhteenveto", "Tavoitteet ja toimenpiteet", "Arvomittarit", "Indikaattorit",
                                                          "Myönteinen ja kielteinen kehitys", "Osallisuuden tulokset"])
        let markdown = ReportMarkdownRenderer().render(document)
        #expect(markdown.contains("| sample-3 | Nuorisotyöttömät (esimerkkiaineisto) |  | 10,9\u{00A0}% | 11,8\u{00A0}% | 2021 | ▲ hyvä | ↗ paranee |"))
        #expect(markdown.contains("- Myönteinen\n"))
        #expect(markdown.contains("Ei kirjattu."))
        #expect(markdown.contains("Osallisuuden tuloksia ei ole vielä kirjattu."))
    }

    @Test func theTermReportShowsEachActionsStatusHistory() throws {
        let input = try ReportSamples.sampleInput(.fi)
        let markdown = ReportMarkdownRenderer().render(try TermWelfareReport(input: input).document())
        #expect(markdown.contains("| Nro | Toimintasuunnitelma / keino | Vastuutaho | 1–6/2021 | 7–12/2021 |"))
        #expect(markdown.contains("| 1.2.1.1 | Kehitetään moniammatillinen hoitopolku ennakolliseen lastensuojeluilmoitukseen."))
        #expect(markdown.contains("| ● toteutunut | ✕ ei toteutunut |"))
    }

    @Test func theIndicatorOverviewGroupsByCategoryAndByGoal() throws {
        let input = try ReportFixtures.input("kymenlaakso-children-youth-2020-2024", .fi)
        var indicators = ReportFixtures.sampleIndicators(linkedTo: [])
        indicators[0].id = "28"
        let document = try IndicatorOverviewReport(input: input, indicators: indicators).document()
        #expect(document.sections.map(\.heading.text) == ["Indikaattorit väriluokittain", "Indikaattorit luokittain", "Indikaattorit tavoitteittain"])
        #expect(document.sections[1].subsections.map(\.heading.text) == ["Hyvinvointi, osallisuus ja vapaa-aika", "Lastensuojelu",
                                                                         "Elintaso ja työssäkäynti"])
        let goals = document.sections[2].subsections.map(\.heading.text)
        #expect(goals.first == "I.1 Lasten ja nuorten arvostaminen")
        #expect(goals.count == 2)  // I.1 and II.3 follow indicator 28
        let markdown = ReportMarkdownRenderer().render(document)
        #expect(markdown.contains("_ei arvoa: 10, 9, 12, 14_"))
    }

    @Test func reportsWithoutDataForTheirPeriodThrow() throws {
        let input = try ReportFixtures.input("loviisa-action-matrix", .fi)
        #expect(throws: ReportError.noData("plan 'loviisa-action-matrix' has no status reports for period 2021H1")) {
            try DashboardReport(input: input, period: Self.h1).document()
        }
        #expect(throws: ReportError.noData("plan 'loviisa-action-matrix' has no status reports and no indicator values for 2022")) {
            try AnnualWelfareReport(input: input, year: 2022).document()
        }
        #expect(throws: ReportError.noData("plan 'loviisa-action-matrix' has no status reports and no indicator values for 2021–2025")) {
            try TermWelfareReport(input: input).document()
        }
        #expect(throws: ReportError.noData("no indicator values were given for plan 'loviisa-action-matrix'")) {
            try IndicatorOverviewReport(input: input, indicators: []).document()
        }
    }

    @Test func actionsWithoutAStatusReportForThePeriodAreListedAsMissing() throws {
        var input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", .en)
        input.statusReports.removeAll { $0.item == "1.1.1.1" }
        let document = try FollowUpReport(input: input, period: Self.h1).document()
        let markdown = ReportMarkdownRenderer().render(document)
        #expect(markdown.contains("| 1.1.1.1 | Toteutetaan avoneuvolan kokeilu ja ryhmäneuvola kuuden kuukauden ikäisille moniammatillisesti kokeiluna. (fi) |"))
        #expect(markdown.contains("## Missing status reports\n\n| No. | Action plan / means | Responsible party |\n|---|---|---|\n| 1.1.1.1 |"))
        #expect(markdown.contains("| 1.1.1.1 | Neuvolan asiakaskokemus tehdään entistä paremmaksi. (fi) | Toteutetaan avoneuvolan kokeilu ja ryhmäneuvola kuuden kuukauden ikäisille moniammatillisesti kokeiluna. (fi) | Toteutunut toiminta. (fi) | Services for children and young people; Perusturvalautakunta (fi); lasten ja nuorten palveluiden palvelupäällikkö (fi); vs. palveluvastaava (fi) | not reported |  |"))
    }
}
