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
