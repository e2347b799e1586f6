import BusCore
import BusZMQ
import Foundation
import GRDB
import Model
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Participation through the built binaries: `hyte-participation` keeps its records in
/// `hyte-storage` over the bus. A survey answered twice with one token, a budgeting round from
/// proposals to recount with a changed ballot, and a storage restart that keeps everything.
///
/// The round's phases follow the time written in a clock file (`HYTE_PARTICIPATION_CLOCK_FILE`),
/// which the test moves; nothing waits for real time to pass.
@Suite(.serialized) struct ParticipationStackTests {
    @Test func surveyAndBudgetingRoundPersistAcrossAStorageRestart() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let endpoint = "tcp://127.0.0.1:\(freePort())"
        let database = "\(directory)/hyte.sqlite"
        let clockFile = "\(directory)/clock"
        let environment = ["HYTE_BUS": endpoint, "HYTE_DATA_DIR": directory, "HYTE_DATABASE_URL": "sqlite://\(database)",
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_PARTICIPATION_CLOCK_FILE": clockFile]
        func setClock(_ time: String) throws { try time.write(toFile: clockFile, atomically: true, encoding: .utf8) }
        func hyte(_ arguments: [String]) throws -> (status: Int32, output: String, error: String) {
            try runTool("hyte", arguments, environment: environment)
        }
        func json<T: Decodable>(_ type: T.Type, _ arguments: [String]) throws -> T {
            let result = try hyte(arguments + ["--json"])
            try #require(result.status == 0, "hyte \(arguments.joined(separator: " ")): \(result.error)")
            return try JSONCoding.decoder.decode(type, from: Data(result.output.utf8))
        }
        try setClock("2025-01-10T12:00:00Z")
        let broker = try Child("hyte-broker", [], environment: environment)
        var storage = try Child("hyte-storage", [], environment: environment)
        let participation = try Child("hyte-participation", [], environment: environment)
        defer { participation.kill(SIGTERM); storage.kill(SIGTERM); broker.kill(SIGTERM) }
        let client = MajordomoClient(endpoint: endpoint)
        defer { Task { await client.close() } }
        #expect(await client.waitForServices(["storage", "participation"], timeout: .seconds(30)).isEmpty)
        let examples = "\(repositoryRoot)/examples/participation"

        // A survey: create, open, one token, answered twice with it — the second is refused.
        let created = try hyte(["survey", "create", "\(examples)/survey.json"])
        #expect(created.status == 0, "\(created.error)")
        #expect(created.output.contains("nuoret-2025: Nuorten hyvinvointikysely 2025 (luonnos)"))
        #expect(try hyte(["survey", "open", "nuoret-2025", "--lang", "sv"]).output.contains("(öppen)"))
        let token = try #require(try json(ParticipationContracts.SurveyTokens.Response.self,
                                          ["survey", "tokens", "nuoret-2025", "--count", "1"]).tokens.first)
        let answered = try hyte(["survey", "answer", "nuoret-2025", "--file", "\(examples)/answers.json", "--token", token])
        #expect(answered.status == 0, "\(answered.error)")
        #expect(answered.output.contains("Kiitos vastauksestasi!"))
        let again = try hyte(["survey", "answer", "nuoret-2025", "--file", "\(examples)/answers-2.json", "--token", token,
                              "--lang", "en"])
        #expect(again.status == 4)
        #expect(again.error.contains("already been used"), "\(again.error)")
        #expect(again.error.contains("This invitation has already been used."), "\(again.error)")
        let early = try hyte(["survey", "results", "nuoret-2025"])
        #expect(early.status == 4)
        #expect(try hyte(["survey", "close", "nuoret-2025"]).output.contains("(suljettu)"))
        let results = try json(SurveyResults.self, ["survey", "results", "nuoret-2025"])
        #expect(results.responses == 1)
        #expect(results.questions.first { $0.questionId == "viihtyminen" }?.mean == 4)
        let resultsText = try hyte(["survey", "results", "nuoret-2025"]).output
        #expect(resultsText.contains("nuoret-2025: 1 vastausta, vastausprosentti 2,5 %"), "\(resultsText)")

        // A budgeting round: propose, screen, vote, change a ballot, close, results and recount.
        #expect(try hyte(["pb", "round", "create", "\(examples)/pb-round-2025.json"]).status == 0)
        let proposed = try hyte(["pb", "propose", "\(examples)/pb-proposals-2025.json"])
        #expect(proposed.status == 0, "\(proposed.error)")
        try setClock("2025-02-10T12:00:00Z")
        for proposal in ["skeittiparkki", "laavu", "penkit"] {
            #expect(try hyte(["pb", "screen", "osbu-2025", proposal, "--feasible"]).status == 0)
        }
        #expect(try hyte(["pb", "screen", "osbu-2025", "uimaranta", "--no-feasible", "--reason-fi", "Ranta on yksityismaata."])
            .status == 0)
        try setClock("2025-03-10T12:00:00Z")
        #expect(try hyte(["pb", "vote", "osbu-2025", "--file", "\(examples)/pb-ballots-2025.json"]).status == 0)
        let changed = try json([ParticipationContracts.Vote.Response].self,
                               ["pb", "vote", "osbu-2025", "--voter", "asukas-3", "penkit", "skeittiparkki"])
        #expect(changed.first?.replaced == true)
        #expect(try hyte(["pb", "results", "osbu-2025"]).status == 4)
        try setClock("2025-04-02T12:00:00Z")
        let late = try hyte(["pb", "vote", "osbu-2025", "--voter", "asukas-5", "laavu"])
        #expect(late.status == 4)
        #expect(late.error.contains("voting closed"))
        let roundResults = try json(ParticipationContracts.RoundResults.self, ["pb", "results", "osbu-2025"])
        #expect(roundResults.result.countedBallots == 4)
        #expect(roundResults.result.winners == ["laavu", "penkit"])
        #expect(roundResults.result.spent == 20_000)
        let recount = try json(ParticipationContracts.Recount.Response.self, ["pb", "recount", "osbu-2025"])
        #expect(recount.matches)
        #expect(recount.recounted == roundResults.result)
        let shown = try hyte(["pb", "round", "show", "osbu-2025", "--json"])
        #expect(!shown.output.contains("secret"))

        // Restart storage: everything is still there.
        storage.kill(SIGTERM)
        storage = try Child("hyte-storage", [], environment: environment)
        #expect(await client.waitForServices(["storage"], timeout: .seconds(30)).isEmpty)
        #expect(try json(SurveyResults.self, ["survey", "results", "nuoret-2025"]) == results)
        let recountAfter = try json(ParticipationContracts.Recount.Response.self, ["pb", "recount", "osbu-2025"])
        #expect(recountAfter.matches)
        #expect(recountAfter.stored == roundResults.result)
        let text = try hyte(["pb", "results", "osbu-2025", "--lang", "sv"]).output
        #expect(text.contains("budget 50 000 €, använt 20 000 €"), "\(text)")
        let again2 = try hyte(["survey", "answer", "nuoret-2025", "--file", "\(examples)/answers.json", "--token", token])
        #expect(again2.status == 4)

        // What storage holds for the anonymous survey, read directly from the file.
        storage.kill(SIGTERM)
        let queue = try DatabaseQueue(path: database)
        let (responses, respondents, used) = try await queue.read { db in
            (try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_response") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_response WHERE respondent IS NOT NULL") ?? -1,
             try Int.fetchOne(db, sql: "SELECT count(*) FROM survey_token_used") ?? -1)
        }
        #expect((responses, respondents, used) == (1, 0, 1))
        let audit = try await queue.read { db in try String.fetchAll(db, sql: "SELECT COALESCE(after, '') FROM audit_log") }
        #expect(!audit.contains { $0.contains(token) || $0.contains("asukas-") || $0.contains("secret") })
    }
}

extension ParticipationStackTests {
    /// `hyte survey answer --interactive` with the answers piped in: a wrong answer is asked again
    /// with the service's message, the corrected response is stored; input that ends early sends nothing.
    @Test func interactiveAnswersArePipedInCheckedAndStored() async throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let endpoint = "tcp://127.0.0.1:\(freePort())"
        let environment = ["HYTE_BUS": endpoint, "HYTE_DATA_DIR": directory, "HYTE_DATABASE_URL": "sqlite://\(directory)/hyte.sqlite",
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_PARTICIPATION_CLOCK_FILE": "\(directory)/clock"]
        try "2025-01-10T12:00:00Z".write(toFile: "\(directory)/clock", atomically: true, encoding: .utf8)
        func hyte(_ arguments: [String], input: String? = nil) throws -> (status: Int32, output: String, error: String) {
            try runTool("hyte", arguments, environment: environment, input: input)
        }
        let broker = try Child("hyte-broker", [], environment: environment)
        let storage = try Child("hyte-storage", [], environment: environment)
        let participation = try Child("hyte-participation", [], environment: environment)
        defer { participation.kill(SIGTERM); storage.kill(SIGTERM); broker.kill(SIGTERM) }
        let client = MajordomoClient(endpoint: endpoint)
        defer { Task { await client.close() } }
        #expect(await client.waitForServices(["storage", "participation"], timeout: .seconds(30)).isEmpty)
        #expect(try hyte(["survey", "create", "\(repositoryRoot)/examples/participation/survey.json"]).status == 0)
        #expect(try hyte(["survey", "open", "nuoret-2025"]).status == 0)

        // The input ends before the confirmation: a clear message, nothing sent.
        let cut = try hyte(["survey", "answer", "nuoret-2025", "--interactive"], input: "2\n1,3\n4\n")
        #expect(cut.status == 1)
        #expect(cut.error.contains("syöte loppui ennen kuin vastaukset oli vahvistettu; mitään ei lähetetty"), "\(cut.error)")

        // Village; sports and music; 9 is off the 1–5 scale and is asked again, then 4; NPS 10; age 15.
        let answered = try hyte(["survey", "answer", "nuoret-2025", "--interactive"],
                                input: "2\n1, 3\n9\n4\n10\n15\nLisää iltavuoroja.\nk\n")
        #expect(answered.status == 0, "\(answered.error)")
        #expect(answered.output.contains("[3/6] Viihdyn kotikunnassani.\n(asteikko 1–5: kirjoita kokonaisluku)\n> 9\n! Valitse kokonaisluku väliltä 1–5.\n> 4\n"),
                "\(answered.output)")
        #expect(answered.output.contains("(luku väliltä 13–17; vapaaehtoinen, tyhjä rivi ohittaa)\n> 15\n"), "\(answered.output)")
        #expect(answered.output.contains("  Mitä harrastat?: Liikunta, Musiikki\n"), "\(answered.output)")
        #expect(answered.output.contains("Lähetetäänkö? [k/e] k\nKiitos vastauksestasi!"), "\(answered.output)")

        #expect(try hyte(["survey", "close", "nuoret-2025"]).status == 0)
        let closed = try hyte(["survey", "answer", "nuoret-2025", "--interactive", "--lang", "en"], input: "2\n")
        #expect(closed.status == 4)
        #expect(closed.error.contains("The survey is not open for answers (closed)"), "\(closed.error)")
        let shown = try hyte(["survey", "results", "nuoret-2025", "--json"])
        #expect(shown.status == 0, "\(shown.error)")
        let results = try JSONCoding.decoder.decode(SurveyResults.self, from: Data(shown.output.utf8))
        #expect(results.responses == 1)
        func question(_ id: String) -> SurveyQuestionResult? { results.questions.first { $0.questionId == id } }
        #expect(question("alue")?.distribution.first { $0.value == "kyla" }?.count == 1)
        #expect(question("harrastukset")?.distribution.filter { $0.count == 1 }.map(\.value).sorted() == ["liikunta", "musiikki"])
        #expect(question("viihtyminen")?.mean == 4)
        #expect(question("suosittelu")?.mean == 10)
        #expect(question("ikä")?.mean == 15)
        #expect(question("terveiset")?.texts == ["Lisää iltavuoroja."])
    }
}
