import Model
import PlanFormats
import Testing

@Suite("Errors in plan files")
struct PlanYAMLErrorTests {
    static let valid = """
        format: hyte-plan/1
        plan:
          id: test
          kind: annual-plan
          title: {fi: Testi}
          period: {start: 2021, end: 2022}
          owner: loviisa
          levels: [{fi: tavoite}, {fi: toimenpide}]
        items:
          - number: "1"
            title: {fi: Tavoite}
            children:
              - number: "1.1"
                title: {fi: Toimenpide}
                action:
                  schedule: {text: "2021 alkaen"}
                measures:
                  - {id: m1, kind: done-not-done, title: {fi: "Toteutunut / Ei toteutunut"}}
        statusReports:
          - {item: "1.1", period: 2021H1, status: in-progress}
        """

    func decodeError(_ text: String, file: String = "test.yaml") -> PlanFileError? {
        do {
            _ = try PlanYAML.decode(text, fileName: file)
            return nil
        } catch {
            return error
        }
    }

    @Test func validTextDecodes() throws {
        let document = try PlanYAML.decode(Self.valid, fileName: "test.yaml")
        #expect(document.allItems.map(\.item.number) == ["1", "1.1"])
        #expect(document.statusReports.first?.period == ReportingPeriod(year: 2021, part: .half(1)))
        #expect(PlanValidator.validate(document).isEmpty)
    }

    @Test func missingTitleNamesThePathAndLine() throws {
        let text = Self.valid.replacingOccurrences(of: "        title: {fi: Toimenpide}\n", with: "")
        let error = try #require(decodeError(text, file: "loviisa.yaml"))
        #expect(error.path == "items[0].children[0].title")
        #expect(error.message == "required field 'title' is missing")
        #expect(error.line == 13)
        #expect(error.column == 9)
        #expect(error.description == "loviisa.yaml:13:9: items[0].children[0].title: required field 'title' is missing")
    }

    @Test func badPeriodNamesThePathAndTheReason() throws {
        let text = Self.valid.replacingOccurrences(of: "2021H1", with: "2021H3")
        let error = try #require(decodeError(text))
        #expect(error.path == "statusReports[0].period")
        #expect(error.message.contains("'2021H3' is not a reporting period"))
        #expect(error.message.contains("H1–H2"))
        #expect(error.line == 20)
    }

    @Test func unknownStatusListsTheAllowedWords() throws {
        let text = Self.valid.replacingOccurrences(of: "status: in-progress", with: "status: ongoing")
        let error = try #require(decodeError(text))
        #expect(error.path == "statusReports[0].status")
        #expect(error.message.contains("'ongoing' is not one of"))
        #expect(error.message.contains("in-progress"))
    }

    @Test func wrongTypeNamesTheNestedPath() throws {
        let text = Self.valid.replacingOccurrences(of: "schedule: {text: \"2021 alkaen\"}", with: "schedule: {text: [1, 2]}")
        let error = try #require(decodeError(text))
        #expect(error.path == "items[0].children[0].action.schedule.text")
        #expect(error.message == "expected a text, found a list")
        #expect(error.line == 16)
    }

    @Test func wrongNumberShowsWhatWasFound() throws {
        let text = Self.valid.replacingOccurrences(of: "end: 2022", with: "end: twenty")
        let error = try #require(decodeError(text))
        #expect(error.description == "test.yaml:6:30: plan.period.end: expected a whole number, found 'twenty'")
    }

    @Test func syntaxErrorGivesTheLine() throws {
        let text = Self.valid.replacingOccurrences(of: "    title: {fi: Tavoite}", with: "    title: {fi: Tavoite")
        let error = try #require(decodeError(text))
        #expect(error.path == nil)
        #expect(error.line == 11 || error.line == 12)
        #expect(error.message.hasPrefix("YAML syntax"))
        #expect(error.description.hasPrefix("test.yaml:\(error.line ?? 0):"))
    }

    @Test func wrongFormatIsRejected() throws {
        let text = Self.valid.replacingOccurrences(of: "hyte-plan/1", with: "hyte-plan/2")
        let error = try #require(decodeError(text))
        #expect(error.path == "format")
        #expect(error.line == 1)
        #expect(error.message.contains("'hyte-plan/2'"))
    }

    @Test func emptyFileIsAnError() throws {
        let error = try #require(decodeError(""))
        #expect(error.message == "the file is empty")
    }
}
