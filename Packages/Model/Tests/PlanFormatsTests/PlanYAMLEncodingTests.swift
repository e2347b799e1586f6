import Foundation
import Model
import PlanFormats
import Testing

@Suite("Writing plan files")
struct PlanYAMLEncodingTests {
    static let document = PlanDocument(
        plan: Plan(id: "p", kind: .annualPlan, title: LocalizedText(fi: "Vuosisuunnitelma", sv: "Årsplan"),
                   period: YearSpan(start: 2021, end: 2021), owner: "loviisa", languages: [.fi, .sv],
                   approval: Approval(body: LocalizedText(fi: "Kaupunginvaltuusto"), date: "2021-11-15", reference: "§ 85"),
                   state: .approved, levels: [LocalizedText(fi: "tavoite")]),
        items: [PlanItem(number: "1", title: LocalizedText(fi: "Rivi yksi\nrivi kaksi"),
                         action: ActionDetails(responsible: [ResponsibleParty(role: LocalizedText(fi: "rehtorit"))],
                                               preventionLevels: [.preventive, .earlySupport]),
                         measures: [Measure(id: "1-m1", kind: .value, title: LocalizedText(fi: "Osuus"), unit: "%",
                                            baseline: YearValue(year: 2018, value: 93), target: YearValue(year: 2021, value: 94.5),
                                            direction: .higherIsBetter)])],
        statusReports: [StatusReport(item: "1", period: ReportingPeriod(year: 2021, part: .quarter(3)), status: .done,
                                     values: [MeasureValue(measure: "1-m1", value: 94)], reporter: "loviisa.perusturva",
                                     reportedAt: Date(timeIntervalSince1970: 1_630_411_200))])

    @Test func writesKeysInAFixedOrderAndLeavesOutEmptyLists() throws {
        let yaml = try PlanYAML.encode(Self.document)
        #expect(yaml.hasPrefix("format: hyte-plan/1\nplan:\n  id: p\n  kind: annual-plan\n"))
        #expect(!yaml.contains("children"))
        #expect(!yaml.contains("organisations"))
        #expect(yaml.contains("sv: Årsplan"))
        #expect(yaml.contains("number: '1'"))
        #expect(yaml.contains("|-\n"))
    }

    @Test func everyFieldRoundTrips() throws {
        let yaml = try PlanYAML.encode(Self.document)
        let decoded = try PlanYAML.decode(yaml, fileName: "p.yaml")
        #expect(decoded == Self.document)
        #expect(try PlanYAML.encode(decoded) == yaml)
        #expect(try PlanJSON.decode(PlanJSON.encode(Self.document), fileName: "p.json") == Self.document)
    }

    @Test func duplicateKeyIsASyntaxErrorWithALine() {
        let text = "format: hyte-plan/1\nformat: hyte-plan/1\nplan: {}\nitems: []\n"
        do {
            _ = try PlanYAML.decode(text, fileName: "dup.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.line != nil)
            #expect(error.message.contains("'format'"))
        }
    }
}
