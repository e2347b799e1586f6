import BusCore
import BusTesting
import Foundation
import Logging
import Model
import Reporting
import Testing

/// The participation section of the annual and term reports: figures bound to the plan's measures.
@Suite struct ParticipationReportTests {
    struct StubSource: ReportParticipationSource {
        let states: [ParticipationContracts.BindingState]?
        func bindings(planId: String, context: RequestContext) async -> [ParticipationContracts.BindingState]? { states }
    }

    static let plan = "loviisa-perusturvakeskus-2021"

    static let states: [ParticipationContracts.BindingState] = [
        .init(binding: MeasureBinding(planId: plan, item: "2.3.1.1", measureId: "2.3.1.1-m1",
                                      figure: .questionMean(survey: "asiakastyytyvaisyys-2021", question: "tyytyvaisyys")),
              label: LocalizedText(fi: "Keskiarvo: Asiakastyytyväisyyskysely 2021", sv: "Medelvärde: Kundnöjdhetsenkät 2021",
                                   en: "Mean: Customer satisfaction survey 2021"),
              values: [.init(period: ReportingPeriod(year: 2020), value: 4.5), .init(period: ReportingPeriod(year: 2021), value: 4.6956)]),
        .init(binding: MeasureBinding(planId: plan, item: "2.3.1.1", measureId: "2.3.1.1-m1",
                                      figure: .surveyResponseRate(survey: "asiakastyytyvaisyys-2021")),
              label: LocalizedText(fi: "Vastausprosentti: Asiakastyytyväisyyskysely 2021", sv: "Svarsprocent: Kundnöjdhetsenkät 2021",
                                   en: "Response rate: Customer satisfaction survey 2021"),
              values: [.init(period: ReportingPeriod(year: 2021), value: 38.333)]),
    ]

    private func annual(_ states: [ParticipationContracts.BindingState]?, _ language: Language, kind: PlanReportKind = .annual) async throws -> String {
        let bus = InMemoryBus()
        bus.register(try PlanStorageDouble().router)
        bus.register(buildReportingRouter(logger: Logger(label: "test.reporting"),
                                          reports: PlanReportService(participationSource: StubSource(states: states),
                                                                     today: { ReportFixtures.day })))
        let request = PlanReportRequest(planId: Self.plan, period: nil, year: 2021, format: .markdown, language: language)
        let response = kind == .annual ? try await bus.call(ReportingContracts.Annual.self, request)
                                       : try await bus.call(ReportingContracts.Term.self, request)
        return response.body
    }

    @Test func boundFiguresOfTheYearAreTabledWithTheMeasureInTheReportsLanguage() async throws {
        let fi = try await annual(Self.states, .fi)
        #expect(fi.contains("Osallisuuden tuloksiin sidotut mittarit"), "\(fi)")
        #expect(fi.contains("| 2.3.1.1 | Mitattu tyytyväisyys palveluihin pysyy ennallaan. | Keskiarvo: Asiakastyytyväisyyskysely 2021 | 2021 | 4,7 |"), "\(fi)")
        #expect(fi.contains("| Vastausprosentti: Asiakastyytyväisyyskysely 2021 | 2021 | 38,3\u{00A0}% |"), "\(fi)")
        #expect(!fi.contains("| 2020 |"))  // another year's value is not in the annual report of 2021
        let en = try await annual(Self.states, .en)
        #expect(en.contains("| Mean: Customer satisfaction survey 2021 | 2021 | 4.7 |"), "\(en)")
        #expect(en.contains("Measures that follow participation results"))
    }

    @Test func withoutBindingsOrWithoutTheServiceTheSectionSaysSo() async throws {
        #expect(try await annual([], .fi).contains("Osallisuuden tuloksia ei ole vielä kirjattu."))
        #expect(try await annual(nil, .sv).contains("Resultaten av delaktigheten kunde inte hämtas: tjänsten för delaktighet körs inte."))
        #expect(try await annual(nil, .fi, kind: .term).contains("Osallisuuden tuloksia ei saatu"))
    }
}
