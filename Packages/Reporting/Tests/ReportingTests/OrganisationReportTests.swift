import Model
import Reporting
import Testing

@Suite struct OrganisationReportTests {
    @Test func anOrganisationWithoutAnyNameIsShownByItsId() {
        let report = OrganisationReport(organisations: [Organisation(id: "x1", kind: .unit, name: LocalizedText())], language: .fi)
        #expect(report.csv() == "Nimi;Tyyppi;Tunnus;Ylätason tunnus\r\nx1 (id);Yksikkö;x1;\r\n")
    }

    @Test func escapesPipesAndLineBreaksInMarkdownCells() {
        let organisation = Organisation(id: "a|b", kind: .partner, name: LocalizedText(en: "Red | Cross\nFinland"))
        let lines = OrganisationReport(organisations: [organisation], language: .en).markdown().split(separator: "\n")
        #expect(lines.contains(#"| Red \| Cross Finland | Partner | a\|b |"#))
    }

    @Test func showsEveryOrganisationOnceEvenInAParentCycle() {
        let organisations = [
            Organisation(id: "a", kind: .unit, name: LocalizedText(en: "A"), parentId: "b"),
            Organisation(id: "b", kind: .unit, name: LocalizedText(en: "B"), parentId: "a"),
            Organisation(id: "c", kind: .unit, name: LocalizedText(en: "C"), parentId: "missing"),
            Organisation(id: "d", kind: .unit, name: LocalizedText(en: "D"), parentId: "d"),
        ]
        let lines = OrganisationReport(organisations: organisations, language: .en).csv().components(separatedBy: "\r\n")
        #expect(lines == ["Name,Kind,Id,Parent id", "C,Unit,c,missing", "D,Unit,d,d", "A,Unit,a,b", "B,Unit,b,a", ""])
    }

    @Test func anEmptyTreeStillHasHeadingCountAndHeader() {
        let markdown = OrganisationReport(organisations: [], language: .sv).markdown()
        #expect(markdown == "# Organisationer\n\nAntal organisationer: 0\n\n| Namn | Typ | Kod |\n|---|---|---|\n")
    }
}
