import Foundation

/// A figure computed from participation records that a plan's measure can follow.
public enum ParticipationFigure: Codable, Sendable, Hashable {
    /// The response rate of a survey, in percent.
    case surveyResponseRate(survey: String)
    /// The mean of a scale or number question of a survey.
    case questionMean(survey: String, question: String)
    /// Winning projects of rounds whose voting closed in the period (one round, or all when nil).
    case budgetingProjectsFunded(round: String?)
    /// Winning projects marked done in the period (one round, or all when nil).
    case budgetingProjectsCompleted(round: String?)
    /// Statements given in the period (one council, or all when nil).
    case statementsGiven(council: HearingCouncil?)
    /// Participants of events held in the period (one kind, or all when nil).
    case eventParticipants(kind: ParticipationEventKind?)
}

extension ParticipationFigure: CustomStringConvertible {
    /// The figure as the gateway writes it: `response-rate:SURVEY`, `question-mean:SURVEY/QUESTION`,
    /// `pb-funded[:ROUND]`, `pb-completed[:ROUND]`, `statements[:COUNCIL]`, `event-participants[:KIND]`.
    public var description: String {
        switch self {
        case .surveyResponseRate(let survey): "response-rate:\(survey)"
        case .questionMean(let survey, let question): "question-mean:\(survey)/\(question)"
        case .budgetingProjectsFunded(let round): "pb-funded" + (round.map { ":\($0)" } ?? "")
        case .budgetingProjectsCompleted(let round): "pb-completed" + (round.map { ":\($0)" } ?? "")
        case .statementsGiven(let council): "statements" + (council.map { ":\($0.rawValue)" } ?? "")
        case .eventParticipants(let kind): "event-participants" + (kind.map { ":\($0.rawValue)" } ?? "")
        }
    }

    /// The forms ``description`` writes, for help texts and error messages.
    public static let forms = "response-rate:SURVEY, question-mean:SURVEY/QUESTION, pb-funded[:ROUND], pb-completed[:ROUND], "
        + "statements[:\(HearingCouncil.allCases.map(\.rawValue).joined(separator: "|"))], "
        + "event-participants[:\(ParticipationEventKind.allCases.map(\.rawValue).joined(separator: "|"))]"

    /// Parses the form ``description`` writes; nil when `text` is not one of ``forms``.
    public init?(parsing text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let name = trimmed.prefix { $0 != ":" }
        let rest = trimmed.dropFirst(name.count + 1)
        let argument = rest.isEmpty ? nil : String(rest)
        switch (String(name), argument) {
        case ("response-rate", let survey?): self = .surveyResponseRate(survey: survey)
        case ("question-mean", let pair?):
            let parts = pair.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
            self = .questionMean(survey: parts[0], question: parts[1])
        case ("pb-funded", let round): self = .budgetingProjectsFunded(round: round)
        case ("pb-completed", let round): self = .budgetingProjectsCompleted(round: round)
        case ("statements", nil): self = .statementsGiven(council: nil)
        case ("statements", let council?):
            guard let council = HearingCouncil(rawValue: council) else { return nil }
            self = .statementsGiven(council: council)
        case ("event-participants", nil): self = .eventParticipants(kind: nil)
        case ("event-participants", let kind?):
            guard let kind = ParticipationEventKind(rawValue: kind) else { return nil }
            self = .eventParticipants(kind: kind)
        default: return nil
        }
    }

    /// The survey the figure is computed from, if it is a survey figure.
    public var survey: String? {
        switch self {
        case .surveyResponseRate(let survey), .questionMean(let survey, _): survey
        default: nil
        }
    }
}
