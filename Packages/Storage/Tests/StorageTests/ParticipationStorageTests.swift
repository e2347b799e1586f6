import BusCore
import Foundation
import Model
import Testing
@testable import Storage

/// The `participation.*` operations of storage on both backends.
@Suite("Participation storage")
struct ParticipationStorageTests {
    typealias C = ParticipationStorageContracts

    @Test(arguments: Backend.allCases)
    func recordsAreSavedListedAndAuditedOncePerRequest(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let survey = ParticipationSample.survey
            let save = C.SaveRecords.Request(kind: .survey, records: [.init(id: survey.id, document: try ParticipationSample.json(survey))])
            let first = try await storage.call(C.SaveRecords.self, save, requestId: "r1")
            #expect(first == .init(created: 1, updated: 0))
            let repeated = try await storage.call(C.SaveRecords.self, save, requestId: "r1")
            #expect(repeated == first)
            var changed = survey
            changed.state = .closed
            let update = C.SaveRecords.Request(kind: .survey, records: [.init(id: survey.id, document: try ParticipationSample.json(changed))])
            #expect(try await storage.call(C.SaveRecords.self, update, requestId: "r2") == .init(created: 0, updated: 1))

            let got = try await storage.call(C.GetRecord.self, .init(kind: .survey, id: survey.id)).document
            #expect(try JSONCoding.decoder.decode(Survey.self, from: Data(try #require(got).utf8)) == changed)
            #expect(try await storage.call(C.GetRecord.self, .init(kind: .survey, id: "none")).document == nil)
            #expect(try await storage.call(C.ListRecords.self, .init(kind: .survey)).documents.count == 1)
            let audit = try await storage.rawRows(
                "SELECT operation, record_type, record_id FROM audit_log WHERE record_type LIKE 'participation.%' ORDER BY id")
            #expect(audit == [["create", "participation.survey", survey.id], ["update", "participation.survey", survey.id]])
        }
    }

    @Test(arguments: Backend.allCases)
    func anonymousSurveyStoresNothingThatLinksATokenToItsResponse(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let surveyId = ParticipationSample.survey.id
            let hashes = [ParticipationSample.hashA, ParticipationSample.hashB]
            #expect(try await storage.call(C.AddTokenHashes.self, .init(surveyId: surveyId, hashes: hashes)).added == 2)
            let response = SurveyResponse(id: "8F0C2A", surveyId: surveyId, answers: ["q1": .scale(4)])
            let first = C.SaveResponses.Request(surveyId: surveyId, responses: [response],
                                                tokenHash: ParticipationSample.hashA, appliedRequestId: "answer-1")
            #expect(try await storage.call(C.SaveResponses.self, first).stored)
            // The bus retries the same participation request: nothing more is stored.
            #expect(try await storage.call(C.SaveResponses.self, first).stored == false)

            let again = C.SaveResponses.Request(surveyId: surveyId, responses: [SurveyResponse(id: "99", surveyId: surveyId,
                                                answers: ["q1": .scale(1)])], tokenHash: ParticipationSample.hashA,
                                                appliedRequestId: "answer-2")
            let used = await #expect(throws: ServiceCallError.self) { try await storage.call(C.SaveResponses.self, again) }
            #expect(used?.status == 409)
            #expect(used?.error.details?["token"] == "used")
            var unknown = again
            unknown.tokenHash = String(repeating: "c", count: 64)
            unknown.appliedRequestId = "answer-3"
            let refused = await #expect(throws: ServiceCallError.self) { try await storage.call(C.SaveResponses.self, unknown) }
            #expect(refused?.status == 400)
            #expect(refused?.error.details?["token"] == "unknown")

            // What is in the database, read directly.
            #expect(try await storage.rawRows("SELECT survey_id, id, respondent, answers FROM survey_response")
                == [[surveyId, "8F0C2A", nil, #"{"q1":{"scale":{"_0":4}}}"#]])
            #expect(try await storage.columns(of: "survey_response") == ["answers", "id", "respondent", "survey_id"])
            #expect(try await storage.columns(of: "survey_token_used") == ["hash", "survey_id"])
            #expect(try await storage.columns(of: "survey_applied_request") == ["request_id", "survey_id"])
            #expect(try await storage.rawRows("SELECT survey_id, hash FROM survey_token_used")
                == [[surveyId, ParticipationSample.hashA]])
            #expect(try await storage.rawRows("SELECT hash FROM survey_token_unused") == [[ParticipationSample.hashB]])
            #expect(try await storage.rawRows("SELECT CAST(count(*) AS TEXT) FROM audit_log") == [["0"]])
            #expect(try await storage.rawRows("SELECT CAST(count(*) AS TEXT) FROM processed_request") == [["0"]])
            if backend == .sqlite {
                let tables = try await storage.rawRows("""
                    SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%WITHOUT ROWID%' ORDER BY name
                    """).map { $0[0] ?? "" }
                #expect(tables == ["survey_applied_request", "survey_response", "survey_token_unused", "survey_token_used"])
            }
            let stored = try await storage.call(C.ListResponses.self, .init(surveyId: surveyId)).responses
            #expect(stored == [response])
        }
    }

    @Test(arguments: Backend.allCases)
    func roundSecretStaysOutOfTheAuditLogAndBallotsReplaceEachOther(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let round = ParticipationStorageRound(round: ParticipationSample.round, secret: ParticipationSample.secret)
            _ = try await storage.call(C.SaveRecords.self, .init(kind: .round, records: [
                .init(id: round.round.id, document: try ParticipationSample.json(round)),
            ]))
            let document = try #require(try await storage.call(C.GetRecord.self, .init(kind: .round, id: round.round.id)).document)
            #expect(try JSONCoding.decoder.decode(ParticipationStorageRound.self, from: Data(document.utf8)) == round)
            let audit = try await storage.rawRows("SELECT CAST(after AS TEXT) FROM audit_log WHERE record_type = 'participation.round'")
            let after = try #require(audit.first?[0])
            #expect(!after.contains("secret"))
            #expect(!after.contains(ParticipationSample.secret.base64EncodedString()))
            #expect(after.contains("osbu-2025"))
            let forbidden = await #expect(throws: ServiceCallError.self) {
                try await storage.call(C.GetRecord.self, .init(kind: .round, id: round.round.id),
                                       actor: Actor(id: "coordinator@loviisa.fi", roles: ["operator"]))
            }
            #expect(forbidden?.status == 403)

            let roundId = round.round.id
            let ballot = BudgetingBallot(roundId: roundId, voterKey: "k1", choices: ["a"])
            for choices in [["a"], ["b", "c"]] {
                var changed = ballot
                changed.choices = choices
                _ = try await storage.call(C.SaveRecords.self, .init(kind: .ballot, parent: roundId, records: [
                    .init(id: "k1", document: try ParticipationSample.json(changed)),
                ]))
            }
            let ballots = try await storage.call(C.ListRecords.self, .init(kind: .ballot, parent: roundId)).documents
                .map { try JSONCoding.decoder.decode(BudgetingBallot.self, from: Data($0.utf8)) }
            #expect(ballots == [BudgetingBallot(roundId: roundId, voterKey: "k1", choices: ["b", "c"])])
            #expect(try await storage.rawRows("SELECT CAST(count(*) AS TEXT) FROM audit_log WHERE record_type = 'participation.ballot'") == [["0"]])
        }
    }

    @Test(arguments: Backend.allCases)
    func proposalsKeepTheOrderTheyWereMadeIn(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            for id in ["z", "a", "m"] {
                _ = try await storage.call(C.SaveRecords.self, .init(kind: .proposal, parent: "osbu", records: [
                    .init(id: id, document: #"{"id":"\#(id)"}"#),
                ]))
            }
            _ = try await storage.call(C.SaveRecords.self, .init(kind: .proposal, parent: "osbu", records: [
                .init(id: "z", document: #"{"id":"z","changed":true}"#),
            ]))
            let documents = try await storage.call(C.ListRecords.self, .init(kind: .proposal, parent: "osbu")).documents
            #expect(documents == [#"{"id":"z","changed":true}"#, #"{"id":"a"}"#, #"{"id":"m"}"#])
            let refused = await #expect(throws: ServiceCallError.self) {
                try await storage.call(C.SaveRecords.self, .init(kind: .proposal, records: [.init(id: "x", document: "[]")]))
            }
            #expect(refused?.status == 400)
        }
    }
}
