import BusCore
import BusTesting
import Foundation
import Model
import Participation
import Testing

private typealias P = ParticipationContracts

/// Creates and opens `survey`.
private func openSurvey(_ bus: InMemoryBus, _ survey: Survey) async throws {
    _ = try await bus.call(P.SurveyCreate.self, survey)
    _ = try await bus.call(P.SurveyOpen.self, .init(surveyId: survey.id))
}

@Suite struct SurveyOperationTests {
    @Test func answersAreTakenWhileOpenAndResultsAfterClose() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        let created = try await bus.call(P.SurveyCreate.self, residentSurvey())
        #expect(created.state == .draft)
        #expect(created.anonymous)
        let notOpen = await callError(bus, P.SurveyRespond.self, .init(surveyId: "asukaskysely", answers: ["alue": ["kylä"]]))
        #expect(notOpen?.status == 409)
        _ = try await bus.call(P.SurveyOpen.self, .init(surveyId: "asukaskysely"))
        let reply = try await bus.call(P.SurveyRespond.self, .init(surveyId: "asukaskysely",
                                                                   answers: ["alue": ["kylä"], "tyytyväisyys": ["6"]]))
        #expect(reply.message == LocalizedText(fi: "Kiitos vastauksestasi!", sv: "Tack för ditt svar!", en: "Thank you for your response!"))
        let early = await callError(bus, P.SurveyResultsGet.self, .init(surveyId: "asukaskysely"))
        #expect(early?.status == 409)
        #expect(early?.error.message == "the results of survey 'asukaskysely' are published when it closes")
        _ = try await bus.call(P.SurveyClose.self, .init(surveyId: "asukaskysely"))
        let results = try await bus.call(P.SurveyResultsGet.self, .init(surveyId: "asukaskysely"))
        #expect(results.responses == 1)
        #expect(results.responseRate == 12.5)
        #expect(results.questions[2].mean == 6)
        let late = await callError(bus, P.SurveyRespond.self, .init(surveyId: "asukaskysely", answers: ["alue": ["kylä"], "tyytyväisyys": ["6"]]))
        #expect(late?.status == 409)
    }

    @Test func resultsVisibleBeforeCloseMayBeReadWhileOpen() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await openSurvey(bus, residentSurvey(visibleBeforeClose: true))
        #expect(try await bus.call(P.SurveyResultsGet.self, .init(surveyId: "asukaskysely")).responses == 0)
    }

    @Test func aResponseWithAnyErrorStoresNothingAndTheReplyNamesEachQuestion() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await openSurvey(bus, residentSurvey())
        let error = await callError(bus, P.SurveyRespond.self, .init(surveyId: "asukaskysely",
                                                                     answers: ["alue": ["kylä"], "tyytyväisyys": ["9"], "ikä": ["-1"]]))
        #expect(error?.status == 400)
        #expect(error?.error.message == "the response was not stored: question 'tyytyväisyys': 9 is outside the scale 1–6; "
            + "question 'ikä': -1 is below the minimum 0")
        #expect(error?.error.details == [
            "tyytyväisyys": "9 is outside the scale 1–6", "tyytyväisyys.fi": "Valitse kokonaisluku väliltä 1–6.",
            "tyytyväisyys.sv": "Välj ett heltal mellan 1 och 6.",
            "ikä": "-1 is below the minimum 0", "ikä.fi": "Pienin sallittu arvo on 0.", "ikä.sv": "Minsta tillåtna värde är 0.",
        ])
        #expect(await repository.responses(surveyId: "asukaskysely").isEmpty)
    }

    @Test func aTokenAnswersOnceAndTheAnonymousResponseHoldsNothingThatLinksIt() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await openSurvey(bus, residentSurvey(invitationOnly: true))
        let tokens = try await bus.call(P.SurveyTokens.self, .init(surveyId: "asukaskysely", count: 3)).tokens
        #expect(Set(tokens).count == 3)
        let stored = await repository.tokenHashes(surveyId: "asukaskysely")
        #expect(stored.unused == Set(tokens.map(InvitationToken.hash)))
        #expect(stored.unused.isDisjoint(with: tokens))

        let answers = ["alue": ["kylä"], "tyytyväisyys": ["4"]]
        let missing = await callError(bus, P.SurveyRespond.self, .init(surveyId: "asukaskysely", answers: answers))
        #expect(missing?.status == 400)
        let unknown = await callError(bus, P.SurveyRespond.self, .init(surveyId: "asukaskysely", token: "arvattu", answers: answers))
        #expect(unknown?.status == 400)
        _ = try await bus.call(P.SurveyRespond.self, .init(surveyId: "asukaskysely", token: tokens[0], answers: answers),
                               headers: RequestHeaders(actor: Actor(id: "maija@example.fi")))
        let again = await callError(bus, P.SurveyRespond.self, .init(surveyId: "asukaskysely", token: tokens[0], answers: answers))
        #expect(again?.status == 409)
        #expect(again?.error.message == "this invitation token has already been used; a token answers once")
        #expect(again?.error.details?["fi"] == "Tällä kutsulla on jo vastattu.")

        let responses = await repository.responses(surveyId: "asukaskysely")
        #expect(responses.count == 1)
        let response = try #require(responses.first)
        #expect(response.respondent == nil)
        #expect(response.answers == ["alue": .choice("kylä"), "tyytyväisyys": .scale(4)])
        let hash = InvitationToken.hash(tokens[0])
        let encoded = String(decoding: try JSONEncoder().encode(response), as: UTF8.self)
        #expect(!encoded.contains(hash) && !encoded.contains(tokens[0]) && !encoded.contains("maija"))
        // The used-token record is the bare hash, apart from the response.
        let after = await repository.tokenHashes(surveyId: "asukaskysely")
        #expect(after.used == [hash])
        #expect(after.unused == Set(tokens.dropFirst().map(InvitationToken.hash)))
        #expect(!after.used.contains(response.id))
    }

    @Test func aRetriedRequestIsAnsweredAgainButStoredOnce() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await openSurvey(bus, residentSurvey(invitationOnly: true))
        let token = try #require(try await bus.call(P.SurveyTokens.self, .init(surveyId: "asukaskysely", count: 1)).tokens.first)
        let request = P.SurveyRespond.Request(surveyId: "asukaskysely", token: token, answers: ["alue": ["kylä"], "tyytyväisyys": ["4"]])
        for _ in 0..<2 {
            _ = try await bus.call(P.SurveyRespond.self, request, headers: RequestHeaders(requestId: "req-1"))
        }
        #expect(await repository.responses(surveyId: "asukaskysely").count == 1)
        let other = await callError(bus, P.SurveyRespond.self, request)
        #expect(other?.status == 409)
    }

    @Test func aSurveyThatIsNotAnonymousKeepsTheRespondent() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await openSurvey(bus, residentSurvey(anonymous: false))
        _ = try await bus.call(P.SurveyRespond.self, .init(surveyId: "asukaskysely", answers: ["alue": ["kylä"], "tyytyväisyys": ["4"]]),
                               headers: RequestHeaders(actor: Actor(id: "staff-17")))
        #expect(await repository.responses(surveyId: "asukaskysely").map(\.respondent) == ["staff-17"])
    }

    @Test func closeTimeEndsAnswering() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        var survey = residentSurvey()
        survey.closesAt = day(7)
        try await openSurvey(bus, survey)
        clock.set(day(7))
        let error = await callError(bus, P.SurveyRespond.self, .init(surveyId: "asukaskysely", answers: ["alue": ["kylä"], "tyytyväisyys": ["4"]]))
        #expect(error?.status == 409)
        #expect(try await bus.call(P.SurveyResultsGet.self, .init(surveyId: "asukaskysely")).responses == 0)
    }

    @Test func anImportStoresAllOrNothing() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        _ = try await bus.call(P.SurveyCreate.self, residentSurvey())
        let bad = await callError(bus, P.SurveyImport.self, .init(surveyId: "asukaskysely", csv: "alue,tyytyväisyys\nkylä,5\nkylä,8\n"))
        #expect(bad?.status == 400)
        #expect(bad?.error.message == "nothing was imported: line 3, column 2 (tyytyväisyys): 8 is outside the scale 1–6")
        #expect(bad?.error.details == ["problems": "1", "line": "3", "column": "2"])
        #expect(await repository.responses(surveyId: "asukaskysely").isEmpty)
        let good = try await bus.call(P.SurveyImport.self, .init(surveyId: "asukaskysely", csv: "alue,tyytyväisyys\nkylä,5\nkylä,6\n"))
        #expect(good.imported == 2)
        #expect(await repository.responses(surveyId: "asukaskysely").count == 2)
    }

    @Test func anOpenSurveyCannotBeReplaced() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        try await openSurvey(bus, residentSurvey())
        let error = await callError(bus, P.SurveyCreate.self, residentSurvey())
        #expect(error?.status == 409)
        let missing = await callError(bus, P.SurveyGet.self, .init(surveyId: "ei-ole"))
        #expect(missing?.status == 404)
    }
}
