import BusCore
import BusTesting
import Foundation
import Model
import Participation
import Testing

private typealias P = ParticipationContracts

/// 12:00 Finnish time (10:00 UTC in winter, 09:00 in summer) on a day.
private func finnishDay(_ year: Int, _ month: Int, _ day: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Helsinki")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
}

@Suite struct RecordOperationTests {
    @Test func aPanelKeepsCountsSessionsRecommendationsAndTheCitysAnswers() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        let panel = ResidentPanel(
            id: "raati-2027", topic: text("Keskustan liikenne", "Trafiken i centrum", "Traffic in the centre"), organiser: "tekninen",
            members: [PanelMemberGroup(ageGroup: "18-29", area: "keskusta", count: 4), PanelMemberGroup(ageGroup: "65+", area: "kylä", count: 3)],
            sessions: [PanelSession(date: day(1), attendance: 7), PanelSession(date: day(8), attendance: 6)],
            recommendations: [PanelRecommendation(id: "r1", text: text("Lisää pyöräteitä", "Fler cykelvägar", "More cycle paths"))])
        _ = try await bus.call(P.PanelSave.self, panel)
        clock.set(day(30))
        let answered = try await bus.call(P.PanelAnswerSet.self, .init(panelId: "raati-2027", recommendationId: "r1", status: .partly,
                                                                        text: text("Kaksi uutta reittiä", "Två nya rutter", "Two new routes")))
        #expect(answered.recommendations[0].answer == PanelAnswer(status: .partly, text: text("Kaksi uutta reittiä", "Två nya rutter", "Two new routes"),
                                                                  date: day(30)))
        #expect(answered.memberCount == 7)
        #expect(try await bus.call(P.PanelGet.self, .init(id: "raati-2027")) == answered)
        #expect(PanelAnswerStatus.partly.label.sv == "delvis godkänd")

        var crowded = panel
        crowded.sessions.append(PanelSession(date: day(9), attendance: 9))
        let error = await callError(bus, P.PanelSave.self, crowded)
        #expect(error?.error.message == "sessions[2].attendance: must be between 0 and the 7 members, got 9")
    }

    @Test func hearingsAreCountedPerCouncilAndYear() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        let statement = HearingStatement(date: finnishDay(2026, 3, 1), text: text("Lausunto", "Utlåtande", "Statement"))
        let requests = [
            HearingRequest(id: "h1", council: .youth, topic: text("Nuorisotilat"), requestedOn: finnishDay(2026, 1, 10),
                           deadline: finnishDay(2026, 2, 10), statement: statement, cityAnswer: statement),
            HearingRequest(id: "h2", council: .youth, topic: text("Koulukuljetukset"), requestedOn: finnishDay(2026, 5, 1),
                           deadline: finnishDay(2026, 6, 1), statement: statement),
            HearingRequest(id: "h3", council: .elders, topic: text("Kotihoito"), requestedOn: finnishDay(2026, 12, 31),
                           deadline: finnishDay(2027, 1, 31)),
            HearingRequest(id: "h4", council: .disability, topic: text("Esteettömyys"), requestedOn: finnishDay(2027, 2, 1),
                           deadline: finnishDay(2027, 3, 1)),
        ]
        for request in requests { _ = try await bus.call(P.HearingSave.self, request) }
        #expect(try await bus.call(P.HearingCounts.self, .init(year: 2026)) == [
            HearingCount(council: .youth, year: 2026, requested: 2, given: 2, answered: 1),
            HearingCount(council: .elders, year: 2026, requested: 1, given: 0, answered: 0),
        ])
        #expect(try await bus.call(P.HearingList.self, .init(year: 2027)).map(\.id) == ["h4"])
        let answerFirst = HearingRequest(id: "h5", council: .youth, topic: text("X"), requestedOn: day(0), deadline: day(1), cityAnswer: statement)
        #expect(await callError(bus, P.HearingSave.self, answerFirst)?.error.details == ["field": "cityAnswer"])
        #expect(HearingCouncil.disability.label.sv == "rådet för personer med funktionsnedsättning")
    }

    @Test func eventsAndAssessmentsAreKeptAndListedByYear() async throws {
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        _ = try await bus.call(P.EventSave.self, ParticipationEvent(id: "e1", kind: .villageEvening, title: text("Kyläilta", "Bykväll", "Village evening"),
                                                                   date: finnishDay(2026, 9, 1), place: "Seurantalo", organiser: "kylätoimikunta",
                                                                   participants: 35))
        _ = try await bus.call(P.EventSave.self, ParticipationEvent(id: "e2", kind: .safetyWalk, title: text("Turvallisuuskävely"),
                                                                   date: finnishDay(2027, 4, 1), place: "Keskusta", organiser: "poliisi",
                                                                   participants: 12))
        #expect(try await bus.call(P.EventList.self, .init(year: 2026)).map(\.id) == ["e1"])
        let negative = ParticipationEvent(id: "e3", kind: .other, title: text("X"), date: day0, place: "Y", organiser: "Z", participants: -1)
        #expect(await callError(bus, P.EventSave.self, negative)?.error.message == "participants: must not be negative, got -1")

        let assessment = ImpactAssessment(id: "eva-1", kinds: [.child, .human], decision: text("Kouluverkkoselvitys"), date: finnishDay(2026, 10, 1),
                                          heard: ["nuorisovaltuusto", "oppilaskunnat"], effects: text("Koulumatkat pitenevät"),
                                          conclusion: text("Kuljetukset järjestetään"))
        _ = try await bus.call(P.AssessmentSave.self, assessment)
        #expect(try await bus.call(P.AssessmentGet.self, .init(id: "eva-1")) == assessment)
        #expect(try await bus.call(P.AssessmentList.self, .init(year: 2027)).isEmpty)
        var noKind = assessment
        noKind.kinds = []
        #expect(await callError(bus, P.AssessmentSave.self, noKind)?.status == 400)
        #expect(ImpactAssessmentKind.child.label.fi == "lapsivaikutusten arviointi")
    }
}

@Suite struct ParticipationFigureTests {
    private let records: ParticipationRecords = {
        let survey = residentSurvey()
        let responses = [["alue": ["kylä"], "tyytyväisyys": ["5"]], ["alue": ["kylä"], "tyytyväisyys": ["4"]]].enumerated().map {
            SurveyResponse(id: "r\($0.offset)", surveyId: survey.id, answers: try! survey.checkAnswers($0.element))
        }
        let schedule = BudgetingSchedule(proposalsOpen: finnishDay(2026, 1, 1), screeningStarts: finnishDay(2026, 2, 1),
                                         votingOpens: finnishDay(2026, 3, 1), votingCloses: finnishDay(2026, 4, 1),
                                         implementationStarts: finnishDay(2026, 5, 1))
        let round = BudgetingRound(id: "ob", title: text("OB"), budget: 100, schedule: schedule, rule: .knapsack)
        let result = ParticipationContracts.Tally.Response(ranking: [], winners: ["a", "b", "c"], spent: 90, countedBallots: 4, refusedBallots: [])
        let proposals = [
            BudgetingProposal(id: "a", roundId: "ob", title: text("A"), cost: 30,
                              implementation: BudgetingImplementation(status: .done, updatedAt: finnishDay(2026, 8, 1))),
            BudgetingProposal(id: "b", roundId: "ob", title: text("B"), cost: 30,
                              implementation: BudgetingImplementation(status: .done, updatedAt: finnishDay(2027, 2, 1))),
            BudgetingProposal(id: "c", roundId: "ob", title: text("C"), cost: 30,
                              implementation: BudgetingImplementation(status: .inProgress, updatedAt: finnishDay(2026, 8, 1))),
        ]
        let statement = HearingStatement(date: finnishDay(2026, 6, 30), text: text("Lausunto"))
        let hearings = [
            HearingRequest(id: "h1", council: .youth, topic: text("A"), requestedOn: finnishDay(2026, 5, 1), deadline: finnishDay(2026, 7, 1),
                           statement: statement),
            HearingRequest(id: "h2", council: .elders, topic: text("B"), requestedOn: finnishDay(2026, 5, 1), deadline: finnishDay(2026, 7, 1),
                           statement: statement),
        ]
        let events = [
            ParticipationEvent(id: "e1", kind: .villageEvening, title: text("A"), date: finnishDay(2026, 3, 1), place: "P", organiser: "O", participants: 30),
            ParticipationEvent(id: "e2", kind: .safetyWalk, title: text("B"), date: finnishDay(2026, 9, 1), place: "P", organiser: "O", participants: 12),
        ]
        return ParticipationRecords(surveys: [survey], responses: [survey.id: responses], rounds: [round], results: ["ob": result],
                                    proposals: proposals, hearings: hearings, events: events)
    }()

    @Test func figuresAreComputedForThePeriod() {
        let year = ReportingPeriod(year: 2026), firstHalf = ReportingPeriod(year: 2026, part: .half(1))
        #expect(records.value(of: .surveyResponseRate(survey: "asukaskysely"), for: year) == 25)
        #expect(records.value(of: .questionMean(survey: "asukaskysely", question: "tyytyväisyys"), for: year) == 4.5)
        #expect(records.value(of: .questionMean(survey: "asukaskysely", question: "alue"), for: year) == nil)
        #expect(records.value(of: .surveyResponseRate(survey: "ei-ole"), for: year) == nil)
        #expect(records.value(of: .budgetingProjectsFunded(round: nil), for: firstHalf) == 3)
        #expect(records.value(of: .budgetingProjectsFunded(round: "ob"), for: ReportingPeriod(year: 2027)) == 0)
        #expect(records.value(of: .budgetingProjectsCompleted(round: "ob"), for: year) == 1)
        #expect(records.value(of: .statementsGiven(council: .youth), for: firstHalf) == 1)
        #expect(records.value(of: .statementsGiven(council: nil), for: firstHalf) == 2)
        #expect(records.value(of: .statementsGiven(council: nil), for: ReportingPeriod(year: 2026, part: .half(2))) == 0)
        #expect(records.value(of: .eventParticipants(kind: nil), for: year) == 42)
        #expect(records.value(of: .eventParticipants(kind: .safetyWalk), for: ReportingPeriod(year: 2026, part: .quarter(3))) == 12)
    }

    @Test func boundMeasuresGetAValueForEachPeriodWithCountedRecords() {
        func values(_ figure: ParticipationFigure, _ periods: BindingPeriods = .year) -> [String] {
            records.values(of: MeasureBinding(planId: "p", item: "1", measureId: "m", figure: figure, periods: periods),
                           now: finnishDay(2027, 6, 1)).map { "\($0.period) \($0.value)" }
        }
        #expect(values(.budgetingProjectsFunded(round: nil)) == ["2026 3.0"])
        #expect(values(.budgetingProjectsFunded(round: nil), .halfYear) == ["2026H1 3.0"])
        // a done 8/2026, b done 2/2027, c moved to in progress 8/2026: its period is written with the done count.
        #expect(values(.budgetingProjectsCompleted(round: "ob")) == ["2026 1.0", "2027 1.0"])
        #expect(values(.statementsGiven(council: nil), .halfYear) == ["2026H1 2.0"])
        #expect(values(.statementsGiven(council: .elders)) == ["2026 1.0"])
        #expect(values(.eventParticipants(kind: nil), .quarter) == ["2026Q1 30.0", "2026Q3 12.0"])
        // The fixture's survey is a draft without a close time: no value until it closes.
        #expect(values(.surveyResponseRate(survey: "asukaskysely")).isEmpty)
        var closed = records
        closed.surveys[0].closesAt = finnishDay(2026, 11, 30)
        #expect(values(.surveyResponseRate(survey: "asukaskysely")).isEmpty)  // `records` itself is unchanged
        #expect(closed.values(of: MeasureBinding(planId: "p", item: "1", measureId: "m", figure: .surveyResponseRate(survey: "asukaskysely"),
                                                 periods: .quarter), now: finnishDay(2027, 6, 1)).map(\.period.description) == ["2026Q4"])
    }

    @Test func aMeasureBindingNamesTheFigureAndTheFigureIsAnsweredOverTheBus() async throws {
        let binding = MeasureBinding(planId: "loviisa-2025", item: "3.1", measureId: "3.1-m2", figure: .eventParticipants(kind: .villageEvening))
        let json = String(decoding: try JSONCoding.encoder.encode(binding), as: UTF8.self)
        #expect(json == #"{"figure":{"eventParticipants":{"kind":"village-evening"}},"item":"3.1","measureId":"3.1-m2","periods":"year","planId":"loviisa-2025"}"#)
        #expect(try JSONCoding.decoder.decode(MeasureBinding.self, from: Data(#"{"figure":{"eventParticipants":{}},"item":"3.1","measureId":"m","planId":"p"}"#.utf8)).periods == .year)
        let repository = InMemoryParticipationRepository(), clock = TestClock(day0)
        let bus = participationBus(repository, clock)
        for event in records.events { _ = try await bus.call(P.EventSave.self, event) }
        let reply = try await bus.call(P.FigureValue.self, .init(figure: binding.figure, period: ReportingPeriod(year: 2026)))
        #expect(reply.value == 30)
    }
}
