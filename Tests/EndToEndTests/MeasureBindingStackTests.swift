import BusCore
import BusZMQ
import Foundation
import Model
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A plan's measure bound to participation figures, through the built binaries: the participation
/// service writes each figure into the plan's follow-up (`hyte-storage`) when the records change,
/// the status list shows it, and the annual report tables it.
@Suite(.serialized) struct MeasureBindingStackTests {
    @Test func boundMeasuresReceiveTheFiguresAndTheAnnualReportShowsThem() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let endpoint = "tcp://127.0.0.1:\(freePort())"
        let clockFile = "\(directory)/clock"
        let environment = ["HYTE_BUS": endpoint, "HYTE_DATA_DIR": directory, "HYTE_DATABASE_URL": "sqlite://\(directory)/hyte.sqlite",
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_PARTICIPATION_CLOCK_FILE": clockFile]
        func hyte(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
            try runTool("hyte", arguments, environment: environment)
        }
        func ok(_ arguments: [String]) throws -> String {
            let result = try hyte(arguments)
            try #require(result.status == 0, "hyte \(arguments.joined(separator: " ")): \(result.error)")
            return result.output
        }
        func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
            try JSONCoding.decoder.decode(type, from: Data(try ok(arguments + ["--json"]).utf8))
        }
        try "2026-11-01T12:00:00Z".write(toFile: clockFile, atomically: true, encoding: .utf8)
        let broker = try Child("hyte-broker", [], environment: environment)
        let storage = try Child("hyte-storage", [], environment: environment)
        let participation = try Child("hyte-participation", [], environment: environment)
        let reporting = try Child("hyte-reporting", [], environment: environment)
        defer { reporting.kill(SIGTERM); participation.kill(SIGTERM); storage.kill(SIGTERM); broker.kill(SIGTERM) }
        let client = MajordomoClient(endpoint: endpoint)
        defer { Task { await client.close() } }
        #expect(await client.waitForServices(["storage", "participation", "reporting"], timeout: .seconds(30)).isEmpty)
        let plan = "loviisa-perusturvakeskus-2021"
        let measure = ["\(plan)/2.3.1.1", "2.3.1.1-m1"]
        _ = try ok(["org", "import", "\(repositoryRoot)/examples/organisations.json"])
        _ = try ok(["plan", "import", "\(repositoryRoot)/examples/plans/\(plan).yaml"])

        // The customer-satisfaction survey of September 2021, its answers imported from another tool.
        _ = try ok(["survey", "create", "\(repositoryRoot)/examples/participation/asiakastyytyvaisyys-2021.json"])
        let bound = try ok(["plan", "measure", "bind"] + measure + ["--figure", "question-mean:asiakastyytyvaisyys-2021/tyytyvaisyys"])
        #expect(bound.contains("ei vielä arvoa"), "\(bound)")
        #expect(try ok(["survey", "import", "asiakastyytyvaisyys-2021", "\(repositoryRoot)/examples/participation/asiakastyytyvaisyys-2021.csv",
                        "--delimiter", ";"]).contains("46"))
        let results = try json(SurveyResults.self, ["survey", "results", "asiakastyytyvaisyys-2021"])
        let mean = try #require(results.questions.first { $0.questionId == "tyytyvaisyys" }?.mean)

        // The import wrote the mean as the measure's 2021 value; the status of the action's 2021H1 report is carried.
        let reports = try json([StatusReport].self, ["status", "list", plan, "--period", "2021"])
        let report = try #require(reports.first { $0.item == "2.3.1.1" })
        #expect(report.values == [MeasureValue(measure: "2.3.1.1-m1", value: mean)])
        #expect(report.reporter == "participation")
        #expect(report.status == .notStarted)
        let text = try ok(["status", "list", plan, "--period", "2021"])
        #expect(text.contains("2.3.1.1-m1 = \(ParticipationTestNumber.fi(mean))"), "\(text)")

        // A new measure for the response rate, bound after the answers are in: written at once; a sync changes nothing more.
        _ = try ok(["plan", "measure", "set", "\(plan)/2.3.1.1", "--id", "2.3.1.1-m2", "--kind", "value", "--unit", "%",
                    "--title", "Kyselyn vastausprosentti", "--target", "2021=50"])
        let rate = try json(ParticipationContracts.BindingState.self,
                            ["plan", "measure", "bind", "\(plan)/2.3.1.1", "2.3.1.1-m2", "--figure", "response-rate:asiakastyytyvaisyys-2021"])
        #expect(rate.written == [.init(period: ReportingPeriod(year: 2021), value: 46.0 / 120 * 100)])
        let synced = try json([ParticipationContracts.BindingState].self, ["plan", "measure", "sync", plan])
        #expect(synced.count == 2)
        #expect(synced.allSatisfy { $0.written.isEmpty && $0.problem == nil })
        let listed = try ok(["plan", "measure", "bindings", plan, "--lang", "sv"])
        #expect(listed.contains("Svarsprocent: Kundnöjdhetsenkät för seniortjänsterna 2021"), "\(listed)")
        #expect(listed.contains("2021 38,3"), "\(listed)")

        // The annual report of 2021 tables both figures.
        let out = "\(directory)/annual.md"
        _ = try ok(["report", "annual", "--plan", plan, "--year", "2021", "--format", "md", "--lang", "fi", "-o", out])
        let annual = try String(contentsOfFile: out, encoding: .utf8)
        #expect(annual.contains("| 2.3.1.1 | Mitattu tyytyväisyys palveluihin pysyy ennallaan. | "
                                + "Keskiarvo: Senioripalveluiden asiakastyytyväisyyskysely 2021: Kuinka tyytyväinen olet palveluihin kokonaisuutena? (1–6) | 2021 |"),
                "\(annual)")
        #expect(annual.contains("Vastausprosentti: Senioripalveluiden asiakastyytyväisyyskysely 2021 | 2021 | 38,3\u{00A0}% |"))

        // Errors name what is missing; an unbound measure cannot be unbound.
        let unknown = try hyte(["plan", "measure", "bind", "\(plan)/2.3.1.1", "ei-ole", "--figure", "statements:youth"])
        #expect(unknown.status == 4)
        #expect(unknown.error.contains("item '2.3.1.1' of plan '\(plan)' has no measure 'ei-ole' (its measures: 2.3.1.1-m1, 2.3.1.1-m2)"),
                "\(unknown.error)")
        let badFigure = try hyte(["plan", "measure", "bind"] + measure + ["--figure", "votes"])
        #expect(badFigure.status != 0)
        #expect(try ok(["plan", "measure", "unbind"] + measure).contains("Sidonta poistettu"))
        #expect(try hyte(["plan", "measure", "unbind"] + measure).status == 4)
    }
}

/// A value as the gateway prints it in Finnish: a decimal comma, at most two decimals.
enum ParticipationTestNumber {
    static func fi(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return (rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)).replacingOccurrences(of: ".", with: ",")
    }
}
