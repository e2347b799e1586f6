import Model
import PlanFormats
import Testing

@Suite("Plan validation")
struct PlanValidatorTests {
    func document(items: [PlanItem], reports: [StatusReport] = [], organisations: [Organisation] = []) -> PlanDocument {
        PlanDocument(plan: Plan(id: "p", kind: .annualPlan, title: LocalizedText(fi: "Suunnitelma"),
                                period: YearSpan(start: 2021, end: 2022), owner: "loviisa", levels: [LocalizedText(fi: "tavoite")]),
                     organisations: organisations, items: items, statusReports: reports)
    }

    func item(_ number: String, measures: [String] = [], children: [PlanItem] = []) -> PlanItem {
        PlanItem(number: number, title: LocalizedText(fi: "Kohta \(number)"),
                 measures: measures.map { Measure(id: $0, kind: .count, title: LocalizedText(fi: "Määrä")) }, children: children)
    }

    @Test func duplicateItemNumberIsReportedWithBothPlaces() {
        let errors = PlanValidator.validate(document(items: [item("1", children: [item("1.1"), item("1.1")])]), fileName: "p.yaml")
        #expect(errors.map(\.description)
            == ["p.yaml: items[0].children[1].number: item number '1.1' is already used at items[0].children[0].number"])
    }

    @Test func duplicateMeasureIdIsReported() {
        let errors = PlanValidator.validate(document(items: [item("1", measures: ["m"], children: [item("1.1", measures: ["m"])])]))
        #expect(errors.map(\.path) == ["items[0].children[0].measures[0].id"])
    }

    @Test func statusReportForUnknownItemIsReported() {
        let report = StatusReport(item: "9", period: ReportingPeriod(year: 2021), status: .done)
        let errors = PlanValidator.validate(document(items: [item("1")], reports: [report]))
        #expect(errors.map(\.path) == ["statusReports[0].item"])
        #expect(errors.first?.message == "no item has the number '9'")
    }

    @Test func statusReportOutsideThePlanPeriodIsReported() {
        let report = StatusReport(item: "1", period: ReportingPeriod(year: 2023, part: .half(1)), status: .done)
        let errors = PlanValidator.validate(document(items: [item("1")], reports: [report]))
        #expect(errors.map(\.path) == ["statusReports[0].period"])
        #expect(errors.first?.message == "period 2023H1 is outside the plan's period 2021–2022")
    }

    @Test func duplicateOrganisationIdIsReported() {
        let organisation = Organisation(id: "loviisa.x", kind: .unit, name: LocalizedText(fi: "X"))
        let errors = PlanValidator.validate(document(items: [item("1")], organisations: [organisation, organisation]))
        #expect(errors.map(\.path) == ["organisations[1].id"])
    }

    @Test func organisationReferencesAreLeftToStorage() {
        var action = item("1")
        action.action = ActionDetails(responsible: [ResponsibleParty(organisation: "not-in-this-file")])
        #expect(PlanValidator.validate(document(items: [action])).isEmpty)
    }

    @Test func checkThrowsTheFirstError() {
        #expect(throws: PlanFileError.self) {
            try PlanValidator.check(document(items: [item("1"), item("1")]))
        }
    }
}
