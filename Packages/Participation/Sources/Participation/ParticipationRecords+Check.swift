import Model

extension ResidentPanel {
    /// Checks ids, a readable topic, counts that are not negative and attendance within membership.
    public func check() throws(ParticipationRecordError) {
        guard !id.isEmpty else { throw .init(field: "id", message: "a panel needs a non-empty id") }
        guard Survey.isResidentReadable(topic) else { throw .init(field: "topic", message: "a topic in Finnish or Swedish is needed") }
        for (index, group) in members.enumerated() where group.count < 0 {
            throw .init(field: "members[\(index)].count", message: "must not be negative, got \(group.count)")
        }
        for (index, session) in sessions.enumerated() where session.attendance < 0 || session.attendance > memberCount {
            throw .init(field: "sessions[\(index)].attendance",
                        message: "must be between 0 and the \(memberCount) members, got \(session.attendance)")
        }
        var seen: Set<String> = []
        for (index, recommendation) in recommendations.enumerated() {
            guard !recommendation.id.isEmpty, seen.insert(recommendation.id).inserted else {
                throw .init(field: "recommendations[\(index)].id", message: "recommendation ids must be non-empty and unique")
            }
            guard Survey.isResidentReadable(recommendation.text) else {
                throw .init(field: "recommendations[\(index)].text", message: "a text in Finnish or Swedish is needed")
            }
        }
    }
}

extension HearingRequest {
    /// Checks the id, a readable topic, a deadline not before the request, and a statement before its answer.
    public func check() throws(ParticipationRecordError) {
        guard !id.isEmpty else { throw .init(field: "id", message: "a statement request needs a non-empty id") }
        guard Survey.isResidentReadable(topic) else { throw .init(field: "topic", message: "a topic in Finnish or Swedish is needed") }
        guard deadline >= requestedOn else { throw .init(field: "deadline", message: "the deadline is before the request") }
        if cityAnswer != nil, statement == nil {
            throw .init(field: "cityAnswer", message: "the city answers a statement; record the statement first")
        }
    }
}

extension ParticipationEvent {
    /// Checks the id, a readable title, a place and participants that are not negative.
    public func check() throws(ParticipationRecordError) {
        guard !id.isEmpty else { throw .init(field: "id", message: "an event needs a non-empty id") }
        guard Survey.isResidentReadable(title) else { throw .init(field: "title", message: "a title in Finnish or Swedish is needed") }
        guard !place.isEmpty else { throw .init(field: "place", message: "an event needs a place") }
        guard participants >= 0 else { throw .init(field: "participants", message: "must not be negative, got \(participants)") }
    }
}

extension ImpactAssessment {
    /// Checks the id, at least one kind, and a readable decision, effects and conclusion.
    public func check() throws(ParticipationRecordError) {
        guard !id.isEmpty else { throw .init(field: "id", message: "an assessment needs a non-empty id") }
        guard !kinds.isEmpty else { throw .init(field: "kinds", message: "name at least one kind: child, human or business") }
        for (field, text) in [("decision", decision), ("effects", effects), ("conclusion", conclusion)]
        where !Survey.isResidentReadable(text) {
            throw .init(field: field, message: "a text in Finnish or Swedish is needed")
        }
    }
}

/// Statements requested, given and answered per council and year (by the request's year), sorted by
/// year and council.
public func hearingCounts(_ requests: [HearingRequest]) -> [HearingCount] {
    var counts: [String: HearingCount] = [:]
    for request in requests {
        let year = ParticipationCalendar.year(of: request.requestedOn)
        let key = "\(year)/\(request.council.rawValue)"
        var count = counts[key] ?? HearingCount(council: request.council, year: year, requested: 0, given: 0, answered: 0)
        count.requested += 1
        if request.statement != nil { count.given += 1 }
        if request.cityAnswer != nil { count.answered += 1 }
        counts[key] = count
    }
    let order = HearingCouncil.allCases
    return counts.values.sorted {
        ($0.year, order.firstIndex(of: $0.council) ?? 0) < ($1.year, order.firstIndex(of: $1.council) ?? 0)
    }
}
