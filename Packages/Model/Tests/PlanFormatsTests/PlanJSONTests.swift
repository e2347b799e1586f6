import Model
import PlanFormats
import Testing

@Suite("JSON plan files")
struct PlanJSONTests {
    @Test func jsonHasSortedKeysAndRoundTrips() throws {
        let document = PlanDocument(
            plan: Plan(id: "p", kind: .strategy, title: LocalizedText(fi: "Strategia", sv: "Strategi"),
                       period: YearSpan(start: 2018, end: 2022), owner: "loviisa", levels: [LocalizedText(fi: "tavoite")]),
            items: [PlanItem(number: "1", title: LocalizedText(fi: "Tavoite"),
                             action: ActionDetails(schedule: Schedule(parsing: "Jatkuva")))])
        let json = try PlanJSON.encode(document)
        #expect(json.firstRange(of: "\"format\"")!.lowerBound < json.firstRange(of: "\"items\"")!.lowerBound)
        #expect(json.firstRange(of: "\"items\"")!.lowerBound < json.firstRange(of: "\"plan\"")!.lowerBound)
        let decoded = try PlanJSON.decode(json, fileName: "p.json")
        #expect(decoded == document)
        #expect(try PlanJSON.encode(decoded) == json)
    }

    @Test func jsonErrorNamesThePath() throws {
        let json = #"{"format": "hyte-plan/1", "plan": {"id": "p", "kind": "nope", "title": {}, "period": {"start": 2021, "end": 2022}, "owner": "x", "levels": []}, "items": []}"#
        do {
            _ = try PlanJSON.decode(json, fileName: "p.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.path == "plan.kind")
            #expect(error.message.contains("'nope' is not one of"))
        }
    }

    @Test func jsonSyntaxErrorIsReported() {
        #expect(throws: PlanFileError.self) { try PlanJSON.decode("{", fileName: "p.json") }
    }
}
