import BusCore
import BusTesting
import Foundation
import Logging
import Model
import Participation
import Synchronization
import Testing

private typealias P = ParticipationContracts

/// A plan store that keeps the measure values written to it; item `1.1` has measures `m1` and `m2`.
final class RecordingMeasureSink: PlanMeasureSink {
    private let written = Mutex<[PlanContracts.RecordMeasureValue.Request]>([])
    private let current = Mutex<[String: Double]>([:])

    /// Every write that changed a value, in order, as `ITEM/MEASURE PERIOD VALUE`.
    var changes: [String] {
        written.withLock { $0.map { "\($0.item)/\($0.measureId) \($0.period) \(plain($0.value))" } }
    }

    func checkMeasure(planId: String, item: String, measureId: String) async throws {
        guard planId == "loviisa-2025", item == "1.1", ["m1", "m2"].contains(measureId) else {
            throw ServiceError.notFound("item '\(item)' of plan '\(planId)' has no measure '\(measureId)'")
        }
    }

    func record(_ request: PlanContracts.RecordMeasureValue.Request) async throws -> Bool {
        let key = "\(request.item)/\(request.measureId) \(request.period)"
        let changed = current.withLock { values in
            defer { values[key] = request.value }
            return values[key] != request.value
        }
        if changed { written.withLock { $0.append(request) } }
        return changed
    }
}

private func plain(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

/// 12:00 Finnish time on a day.
private func finnishNoon(_ year: Int, _ month: Int, _ day: Int) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "Europe/Helsinki")!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: 12))!
}

@Suite struct BindingOperationTests {
    private func stack() -> (InMemoryBus, InMemoryParticipationRepository, RecordingMeasureSink, TestClock) {
        let repository = InMemoryParticipationRepository(), sink = RecordingMeasureSink(), clock = TestClock(finnishNoon(2026, 2, 1))
        let bus = InMemoryBus()
        bus.register(buildParticipationRouter(logger: Logger(label: "test.participation"), repository: repository, measures: sink,
                                              clock: { clock.now }))
        return (bus, repository, sink, clock)
    }

    private func event(_ id: String, _ kind: ParticipationEventKind, _ month: Int, _ participants: Int) -> ParticipationEvent {
        ParticipationEvent(id: id, kind: kind, title: text(id), date: finnishNoon(2026, month, 10), place: "Tesjoki", organiser: "kylätoimikunta",
                           participants: participants)
    }

    @Test func boundMeasuresReceiveEventParticipantsPerHalfYearWhenEventsAreSaved() async throws {
        let (bus, _, sink, _) = stack()
        _ = try await bus.call(P.EventSave.self, event("e1", .villageEvening, 3, 30))
        let bound = try await bus.call(P.BindingSave.self, MeasureBinding(planId: "loviisa-2025", item: "1.1", measureId: "m1",
                                                                         figure: .eventParticipants(kind: .villageEvening),
                                                                         periods: .halfYear))
        // Binding writes what the records already give.
        #expect(bound.values == [P.PeriodValue(period: ReportingPeriod(year: 2026, part: .half(1)), value: 30)])
        #expect(bound.written == bound.values)
        #expect(bound.label.fi == "Tilaisuuksien osallistujat: kyläilta")
        #expect(bound.label.sv == "Deltagare i evenemang: bykväll")

        _ = try await bus.call(P.EventSave.self, event("e2", .villageEvening, 9, 12))
        _ = try await bus.call(P.EventSave.self, event("e3", .villageEvening, 4, 5))
        _ = try await bus.call(P.EventSave.self, event("e4", .safetyWalk, 4, 100))  // another kind: not counted
        #expect(sink.changes == ["1.1/m1 2026H1 30", "1.1/m1 2026H2 12", "1.1/m1 2026H1 35"])

        // A sync finds nothing to change; the list shows the current values.
        let synced = try await bus.call(P.BindingSync.self, .init(planId: "loviisa-2025"))
        #expect(synced.map(\.written) == [[]])
        let listed = try await bus.call(P.BindingList.self, .init())
        #expect(listed.first?.values.map(\.value) == [35, 12])

        // After unbinding, new events write nothing.
        _ = try await bus.call(P.BindingDelete.self, .init(planId: "loviisa-2025", item: "1.1", measureId: "m1"))
        _ = try await bus.call(P.EventSave.self, event("e5", .villageEvening, 10, 8))
        #expect(sink.changes.count == 3)
        #expect(try await bus.call(P.BindingList.self, .init()).isEmpty)
    }

    @Test func aSurveysResponseRateAndMeanAreWrittenWhenItCloses() async throws {
        let (bus, _, sink, clock) = stack()
        _ = try await bus.call(P.SurveyCreate.self, residentSurvey())
        for (item, figure) in [("m1", ParticipationFigure.surveyResponseRate(survey: "asukaskysely")),
                               ("m2", .questionMean(survey: "asukaskysely", question: "tyytyväisyys"))] {
            let state = try await bus.call(P.BindingSave.self, MeasureBinding(planId: "loviisa-2025", item: "1.1", measureId: item,
                                                                             figure: figure))
            #expect(state.values.isEmpty)  // nothing while the survey is a draft
        }
        _ = try await bus.call(P.SurveyOpen.self, .init(surveyId: "asukaskysely"))
        for answer in ["5", "4"] {
            _ = try await bus.call(P.SurveyRespond.self, .init(surveyId: "asukaskysely", answers: ["alue": ["kylä"], "tyytyväisyys": [answer]]))
        }
        #expect(sink.changes.isEmpty)  // results are hidden until the survey closes
        clock.set(finnishNoon(2026, 8, 15))
        _ = try await bus.call(P.SurveyClose.self, .init(surveyId: "asukaskysely"))
        #expect(sink.changes == ["1.1/m1 2026 25", "1.1/m2 2026 4.5"])
    }

    @Test func bindingsToUnknownThingsAreRefusedAndNothingIsStored() async throws {
        let (bus, repository, _, _) = stack()
        _ = try await bus.call(P.SurveyCreate.self, residentSurvey())
        let cases: [(MeasureBinding, Int, String)] = [
            (MeasureBinding(planId: "loviisa-2025", item: "1.1", measureId: "m1", figure: .surveyResponseRate(survey: "ei-ole")), 404,
             "no survey 'ei-ole'"),
            (MeasureBinding(planId: "loviisa-2025", item: "1.1", measureId: "m1", figure: .questionMean(survey: "asukaskysely", question: "alue")),
             400, "question 'alue' of survey 'asukaskysely' is not a scale or a number; it has no mean"),
            (MeasureBinding(planId: "loviisa-2025", item: "1.1", measureId: "m1", figure: .budgetingProjectsFunded(round: "ei-ole")), 404,
             "no participatory-budgeting round 'ei-ole'"),
            (MeasureBinding(planId: "loviisa-2025", item: "1.1", measureId: "nope", figure: .statementsGiven(council: .youth)), 404,
             "item '1.1' of plan 'loviisa-2025' has no measure 'nope'"),
        ]
        for (binding, status, message) in cases {
            let error = await callError(bus, P.BindingSave.self, binding)
            #expect(error?.status == status)
            #expect(error?.error.message.contains(message) == true, "\(error?.error.message ?? "no error")")
        }
        #expect(await repository.bindings().isEmpty)
        let missing = await callError(bus, P.BindingDelete.self, .init(planId: "loviisa-2025", item: "1.1", measureId: "m1"))
        #expect(missing?.status == 404)
    }

    @Test func figuresParseFromAndPrintToTheirCommandLineForm() {
        for text in ["response-rate:asukaskysely", "question-mean:asukaskysely/tyytyväisyys", "pb-funded", "pb-funded:ob-2026",
                     "pb-completed:ob-2026", "statements", "statements:youth", "event-participants", "event-participants:safety-walk"] {
            #expect(ParticipationFigure(parsing: text)?.description == text)
        }
        for bad in ["", "response-rate", "question-mean:only", "statements:city", "event-participants:party", "votes"] {
            #expect(ParticipationFigure(parsing: bad) == nil, "\(bad)")
        }
    }
}
