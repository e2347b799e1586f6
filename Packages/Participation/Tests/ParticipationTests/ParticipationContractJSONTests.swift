import BusCore
import Foundation
import Model
import Participation
import Testing

@Suite struct ParticipationContractJSONTests {
    @Test func aMinimalSurveyIsAnonymousDraftAndHidesResultsUntilClose() throws {
        let json = #"""
        {
          "id": "kuntalaiskysely",
          "title": {"fi": "Kuntalaiskysely", "sv": "Kommuninvånarenkät"},
          "questions": [
            {"id": "q1", "label": {"fi": "Tyytyväisyys", "sv": "Nöjdhet"}, "kind": {"likert": {"points": 5}}, "required": true},
            {"id": "q2", "label": {"fi": "Suosittelu", "sv": "Rekommendation"}, "kind": {"nps": {}}},
            {"id": "q3", "label": {"fi": "Ikä", "sv": "Ålder"}, "kind": {"number": {"min": 0}}},
            {"id": "q4", "label": {"fi": "Palvelut", "sv": "Tjänster"},
             "kind": {"multipleChoice": {"options": [{"id": "a", "label": {"fi": "A"}}, {"id": "b", "label": {"fi": "B"}}], "min": 0, "max": 2}}}
          ],
          "closesAt": "2026-05-31T21:00:00Z"
        }
        """#
        let survey = try JSONCoding.decoder.decode(Survey.self, from: Data(json.utf8))
        #expect(survey.anonymous)
        #expect(!survey.resultsVisibleBeforeClose)
        #expect(!survey.invitationOnly)
        #expect(survey.state == .draft)
        #expect(survey.questions.map(\.required) == [true, false, false, false])
        #expect(survey.questions[2].kind == .number(min: 0, max: nil))
        #expect(survey.closesAt == Date(timeIntervalSince1970: 1_780_261_200))
        try survey.check()
    }

    @Test func aBallotAndARoundReadAsDocumented() throws {
        let round = #"""
        {"id": "ob-2027", "title": {"fi": "OB 2027", "sv": "DB 2027"}, "areas": [], "budget": 100000,
         "rule": {"approval": {"maxChoices": 3}},
         "schedule": {"proposalsOpen": "2027-01-01T00:00:00Z", "screeningStarts": "2027-02-01T00:00:00Z",
                      "votingOpens": "2027-03-01T00:00:00Z", "votingCloses": "2027-03-31T00:00:00Z",
                      "implementationStarts": "2027-05-01T00:00:00Z"}}
        """#
        let decoded = try JSONCoding.decoder.decode(BudgetingRound.self, from: Data(round.utf8))
        #expect(decoded.rule == .approval(maxChoices: 3))
        #expect(decoded.schedule.phase(at: Date(timeIntervalSince1970: 1_805_000_000)) == .voting)
        let status = try JSONCoding.encoder.encode(BudgetingImplementationStatus.inProgress)
        #expect(String(decoding: status, as: UTF8.self) == #""in-progress""#)
    }

    @Test func listsAnswerOverTheBus() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        _ = try await bus.call(ParticipationContracts.SurveyCreate.self, residentSurvey(id: "b"))
        _ = try await bus.call(ParticipationContracts.SurveyCreate.self, residentSurvey(id: "a"))
        #expect(try await bus.call(ParticipationContracts.SurveyList.self, Empty()).map(\.id) == ["a", "b"])
        #expect(try await bus.call(ParticipationContracts.RoundList.self, Empty()).isEmpty)
        let missing = await callError(bus, ParticipationContracts.RoundGet.self, .init(roundId: "x"))
        #expect(missing?.status == 404)
    }
}
