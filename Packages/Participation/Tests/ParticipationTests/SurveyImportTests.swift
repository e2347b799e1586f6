import Foundation
import Model
import Participation
import Testing

@Suite struct SurveyImportTests {
    @Test func importsQuotedFieldsMultipleChoicesAndIgnoredColumns() throws {
        let csv = "Aikaleima,alue,harrastukset,tyytyväisyys,palaute\r\n"
            + "2025-03-01 10:00,kylä,liikunta|luonto,5,\"Hyvä, kiitos\"\r\n"
            + "\r\n"
            + "2025-03-02 11:00,keskusta,,4,\"Rivi 1\nRivi 2 \"\"lainaus\"\"\"\r\n"
        let imported = try residentSurvey().importAnswers(csv: csv, ignoredColumns: ["Aikaleima"])
        #expect(imported.map(\.line) == [2, 4])
        #expect(imported[0].answers == ["alue": .choice("kylä"), "harrastukset": .choices(["liikunta", "luonto"]),
                                        "tyytyväisyys": .scale(5), "palaute": .text("Hyvä, kiitos")])
        #expect(imported[1].answers["palaute"] == .text("Rivi 1\nRivi 2 \"lainaus\""))
        #expect(imported.allSatisfy { $0.respondent == nil })
    }

    @Test func everyProblemNamesLineAndColumn() {
        let csv = "alue;tyytyväisyys;ikä\nkylä;7;30\nlähiö;5;x\nkylä;5\n"
        let error = #expect(throws: SurveyImportErrors.self) {
            try residentSurvey().importAnswers(csv: csv, delimiter: ";")
        }
        #expect(error?.problems.map(\.description) == [
            "line 2, column 2 (tyytyväisyys): 7 is outside the scale 1–6",
            "line 3, column 1 (alue): unknown option 'lähiö'; the options are keskusta, kylä",
            "line 3, column 3 (ikä): 'x' is not a number",
            "line 4: 2 fields, the header has 3",
        ])
    }

    @Test func anUnknownColumnIsNamed() {
        let error = #expect(throws: SurveyImportErrors.self) {
            try residentSurvey().importAnswers(csv: "alue,Sähköposti\nkylä,a@b.fi\n")
        }
        #expect(error?.problems.first?.line == 1)
        #expect(error?.problems.first?.column == 2)
        #expect(error?.problems.first?.message.hasPrefix("unknown column 'Sähköposti'") == true)
    }

    @Test func aByteOrderMarkAndSemicolonsFromASpreadsheetAreRead() throws {
        let imported = try residentSurvey().importAnswers(csv: "\u{FEFF}alue;tyytyväisyys;ikä\nkylä;3;42,5\n", delimiter: ";")
        #expect(imported.map(\.answers) == [["alue": .choice("kylä"), "tyytyväisyys": .scale(3), "ikä": .number(42.5)]])
    }

    @Test func anUnclosedQuoteIsNamed() {
        let error = #expect(throws: SurveyImportErrors.self) {
            try residentSurvey().importAnswers(csv: "alue,palaute\nkylä,\"kesken\n")
        }
        #expect(error?.problems.map(\.description) == ["line 2, column 2: a quoted field is not closed"])
    }

    @Test func theRespondentColumnIsDroppedForAnAnonymousSurvey() throws {
        let csv = "respondent,alue,tyytyväisyys\nmaija@example.fi,kylä,3\n"
        #expect(try residentSurvey().importAnswers(csv: csv).first?.respondent == nil)
        #expect(try residentSurvey(anonymous: false).importAnswers(csv: csv).first?.respondent == "maija@example.fi")
    }
}
