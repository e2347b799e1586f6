import BusCore
import Foundation
import Logging
import Model

/// Where the participation service writes the values of bound measures: the plans kept by the
/// storage service in production, a recorder in tests.
public protocol PlanMeasureSink: Sendable {
    /// Throws a 404 ``ServiceError`` naming what is missing when the plan has no such item or measure.
    func checkMeasure(planId: String, item: String, measureId: String) async throws
    /// Writes the value of a measure for a period; true when the plan changed.
    func record(_ request: PlanContracts.RecordMeasureValue.Request) async throws -> Bool
}

/// A ``PlanMeasureSink`` over the bus: `plan.get` and `measure.value.record` of the storage service.
public struct BusPlanMeasureSink: PlanMeasureSink {
    private let bus: any BusClient
    private let actor: Actor

    public init(bus: any BusClient, actor: Actor = Actor(id: "service:participation", roles: ["service"])) {
        self.bus = bus
        self.actor = actor
    }

    private var headers: RequestHeaders { RequestHeaders(requestId: UUID().uuidString, actor: actor) }

    public func checkMeasure(planId: String, item: String, measureId: String) async throws {
        let document: PlanDocument
        do {
            document = try await bus.call(PlanContracts.Get.self, .init(id: planId), headers: headers)
        } catch let error as ServiceCallError where error.status == Status.notFound.rawValue {
            throw ServiceError.notFound("no plan has the id '\(planId)'", details: ["field": "planId"])
        }
        guard let found = document.items.item(numbered: item) else {
            throw ServiceError.notFound("plan '\(planId)' has no item with the number '\(item)'", details: ["field": "item"])
        }
        guard found.measures.contains(where: { $0.id == measureId }) else {
            let known = found.measures.map(\.id).joined(separator: ", ")
            throw ServiceError.notFound("item '\(item)' of plan '\(planId)' has no measure '\(measureId)'"
                                        + (known.isEmpty ? " (it has no measures)" : " (its measures: \(known))"),
                                        details: ["field": "measureId"])
        }
    }

    public func record(_ request: PlanContracts.RecordMeasureValue.Request) async throws -> Bool {
        try await bus.call(PlanContracts.RecordMeasureValue.self, request, headers: headers).changed
    }
}

extension ParticipationRecords {
    /// The figure's value in each period (of the binding's length) in which a record it counts is
    /// dated: for survey figures the one period in which the survey closed — the earlier of its close
    /// time and the time it was closed by hand; nothing while it is open — and for the counts every
    /// period with a counted record.
    public func values(of binding: MeasureBinding, now: Date) -> [ParticipationContracts.PeriodValue] {
        func period(_ date: Date) -> ReportingPeriod {
            let (year, month) = ParticipationCalendar.yearAndMonth(of: date)
            return binding.periods.period(year: year, month: month)
        }
        let dates: [Date]
        switch binding.figure {
        case .surveyResponseRate(let surveyId), .questionMean(let surveyId, _):
            guard let survey = surveys.first(where: { $0.id == surveyId }), survey.isClosed(at: now) else { return [] }
            // Answers end at the close time; closing by hand later does not move the measurement.
            dates = [[survey.closedAt, survey.closesAt].compactMap { $0 }.min() ?? now]
        case .budgetingProjectsFunded(let roundId):
            dates = rounds.filter { (roundId == nil || $0.id == roundId) && results[$0.id] != nil }.map(\.schedule.votingCloses)
        case .budgetingProjectsCompleted(let roundId):
            // Every implementation change counts, so a project moved back from done leaves its period at 0.
            dates = proposals.filter { roundId == nil || $0.roundId == roundId }.compactMap { $0.implementation?.updatedAt }
        case .statementsGiven(let council):
            dates = hearings.filter { council == nil || $0.council == council }.compactMap { $0.statement?.date }
        case .eventParticipants(let kind):
            dates = events.filter { kind == nil || $0.kind == kind }.map(\.date)
        }
        return Set(dates.map(period)).sorted().compactMap { period in
            value(of: binding.figure, for: period).map { ParticipationContracts.PeriodValue(period: period, value: $0) }
        }
    }

    /// What the figure is, in the words of the plan's readers.
    public func label(of figure: ParticipationFigure) -> LocalizedText {
        func title(_ surveyId: String) -> LocalizedText {
            surveys.first { $0.id == surveyId }?.title ?? LocalizedText(fi: surveyId, sv: surveyId, en: surveyId)
        }
        func join(_ head: LocalizedText, _ tail: LocalizedText?) -> LocalizedText {
            guard let tail else { return head }
            return LocalizedText(fi: "\(head.fi ?? ""): \(tail.resolved(.fi)?.text ?? "")",
                                 sv: "\(head.sv ?? ""): \(tail.resolved(.sv)?.text ?? "")",
                                 en: "\(head.en ?? ""): \(tail.resolved(.en)?.text ?? "")")
        }
        func round(_ id: String?) -> LocalizedText? { id.map { id in rounds.first { $0.id == id }?.title ?? LocalizedText(fi: id, sv: id, en: id) } }
        switch figure {
        case .surveyResponseRate(let survey):
            return join(LocalizedText(fi: "Vastausprosentti", sv: "Svarsprocent", en: "Response rate"), title(survey))
        case .questionMean(let survey, let question):
            let head = join(LocalizedText(fi: "Keskiarvo", sv: "Medelvärde", en: "Mean"), title(survey))
            let label = surveys.first { $0.id == survey }?.questions.first { $0.id == question }?.label
            return join(head, label ?? LocalizedText(fi: question, sv: question, en: question))
        case .budgetingProjectsFunded(let id):
            return join(LocalizedText(fi: "Osallistuvan budjetoinnin rahoitetut hankkeet", sv: "Projekt som fått medel i deltagande budgetering",
                                      en: "Participatory budgeting projects funded"), round(id))
        case .budgetingProjectsCompleted(let id):
            return join(LocalizedText(fi: "Osallistuvan budjetoinnin toteutetut hankkeet", sv: "Genomförda projekt i deltagande budgetering",
                                      en: "Participatory budgeting projects completed"), round(id))
        case .statementsGiven(let council):
            return join(LocalizedText(fi: "Annetut lausunnot", sv: "Givna utlåtanden", en: "Statements given"), council?.label)
        case .eventParticipants(let kind):
            return join(LocalizedText(fi: "Tilaisuuksien osallistujat", sv: "Deltagare i evenemang", en: "Event participants"), kind?.label)
        }
    }
}

/// Writes the figures of bound measures into the plans: after every change of a record a figure
/// counts (`affecting`), on `binding.save` and on `binding.sync`.
struct MeasureBindingWriter: Sendable {
    let repository: any ParticipationRepository
    let measures: (any PlanMeasureSink)?
    let clock: ParticipationClock

    /// Computes each binding's values and, when `write` is true and the plans are reachable, writes
    /// them. A binding whose writes fail carries the reason in `problem`; the others go on.
    func states(of bindings: [MeasureBinding], write: Bool) async throws -> [ParticipationContracts.BindingState] {
        guard !bindings.isEmpty else { return [] }
        let records = try await repository.participationRecords()
        var states: [ParticipationContracts.BindingState] = []
        for binding in bindings {
            var state = ParticipationContracts.BindingState(binding: binding, label: records.label(of: binding.figure),
                                                            values: records.values(of: binding, now: clock()))
            if write, let measures {
                for value in state.values {
                    do {
                        let changed = try await measures.record(.init(planId: binding.planId, item: binding.item,
                                                                      measureId: binding.measureId, period: value.period,
                                                                      value: value.value, reporter: "participation"))
                        if changed { state.written.append(value) }
                    } catch let error as ServiceCallError {
                        state.problem = "\(value.period): \(error.error.message)"
                        break
                    }
                }
            }
            states.append(state)
        }
        return states
    }

    /// After a change: writes the bindings whose figure `affects` says the change touches. Never
    /// throws — the change itself is stored; a failed write is logged and `binding.sync` repairs it.
    func changed(logger: Logger, affects: @Sendable (ParticipationFigure) -> Bool) async {
        guard measures != nil else { return }
        do {
            let bindings = try await repository.bindings().filter { affects($0.figure) }
            for state in try await states(of: bindings, write: true) {
                if let problem = state.problem {
                    logger.warning("a bound measure was not written", metadata: [
                        "plan": "\(state.binding.planId)", "measure": "\(state.binding.key)", "problem": "\(problem)",
                    ])
                } else if !state.written.isEmpty {
                    logger.info("bound measure written", metadata: [
                        "plan": "\(state.binding.planId)", "measure": "\(state.binding.key)",
                        "periods": "\(state.written.map(\.period.description).joined(separator: ","))",
                    ])
                }
            }
        } catch {
            logger.warning("bound measures were not written", metadata: ["error": "\(error)"])
        }
    }
}
