import BusCore
import Foundation
import Model

/// Adds `panel.*`, `hearing.*`, `event.*`, `assessment.*` and `figure.value`.
func addRecordRoutes(router: inout Router, repository: any ParticipationRepository, writer: MeasureBindingWriter,
                     clock: @escaping ParticipationClock) {
    router.on(ParticipationContracts.PanelSave.self) { panel, _ in
        do throws(ParticipationRecordError) { try panel.check() } catch { throw ServiceError.invalid(error) }
        try await repository.savePanel(panel)
        return panel
    }
    router.on(ParticipationContracts.PanelGet.self) { request, _ in
        guard let panel = try await repository.panel(id: request.id) else { throw ServiceError.notFound("no panel '\(request.id)'") }
        return panel
    }
    router.on(ParticipationContracts.PanelList.self) { _, _ in try await repository.panels() }
    router.on(ParticipationContracts.PanelAnswerSet.self) { request, _ in
        guard var panel = try await repository.panel(id: request.panelId) else {
            throw ServiceError.notFound("no panel '\(request.panelId)'")
        }
        guard let index = panel.recommendations.firstIndex(where: { $0.id == request.recommendationId }) else {
            throw ServiceError.notFound("panel '\(panel.id)' has no recommendation '\(request.recommendationId)'",
                                        details: ["field": "recommendationId"])
        }
        guard Survey.isResidentReadable(request.text) else {
            throw ServiceError.badRequest("text: an answer in Finnish or Swedish is needed", details: ["field": "text"])
        }
        panel.recommendations[index].answer = PanelAnswer(status: request.status, text: request.text, date: clock())
        try await repository.savePanel(panel)
        return panel
    }
    router.on(ParticipationContracts.HearingSave.self) { hearing, context in
        do throws(ParticipationRecordError) { try hearing.check() } catch { throw ServiceError.invalid(error) }
        try await repository.saveHearing(hearing)
        await writer.changed(logger: context.logger) {
            if case .statementsGiven = $0 { return true }
            return false
        }
        return hearing
    }
    router.on(ParticipationContracts.HearingGet.self) { request, _ in
        guard let hearing = try await repository.hearing(id: request.id) else {
            throw ServiceError.notFound("no statement request '\(request.id)'")
        }
        return hearing
    }
    router.on(ParticipationContracts.HearingList.self) { filter, _ in
        try await repository.hearings().filter { filter.year == nil || ParticipationCalendar.year(of: $0.requestedOn) == filter.year }
    }
    router.on(ParticipationContracts.HearingCounts.self) { filter, _ in
        hearingCounts(try await repository.hearings()).filter { filter.year == nil || $0.year == filter.year }
    }
    router.on(ParticipationContracts.EventSave.self) { event, context in
        do throws(ParticipationRecordError) { try event.check() } catch { throw ServiceError.invalid(error) }
        try await repository.saveEvent(event)
        await writer.changed(logger: context.logger) {
            if case .eventParticipants = $0 { return true }
            return false
        }
        return event
    }
    router.on(ParticipationContracts.EventList.self) { filter, _ in
        try await repository.events().filter { filter.year == nil || ParticipationCalendar.year(of: $0.date) == filter.year }
            .sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }
    router.on(ParticipationContracts.AssessmentSave.self) { assessment, _ in
        do throws(ParticipationRecordError) { try assessment.check() } catch { throw ServiceError.invalid(error) }
        try await repository.saveAssessment(assessment)
        return assessment
    }
    router.on(ParticipationContracts.AssessmentGet.self) { request, _ in
        guard let assessment = try await repository.assessment(id: request.id) else {
            throw ServiceError.notFound("no impact assessment '\(request.id)'")
        }
        return assessment
    }
    router.on(ParticipationContracts.AssessmentList.self) { filter, _ in
        try await repository.assessments().filter { filter.year == nil || ParticipationCalendar.year(of: $0.date) == filter.year }
    }
    router.on(ParticipationContracts.FigureValue.self) { request, _ in
        .init(value: try await repository.participationRecords().value(of: request.figure, for: request.period))
    }
}

extension ServiceError {
    /// A record that cannot be saved: 400 naming the field.
    static func invalid(_ error: ParticipationRecordError) -> ServiceError {
        .badRequest(error.description, details: ["field": error.field])
    }
}
