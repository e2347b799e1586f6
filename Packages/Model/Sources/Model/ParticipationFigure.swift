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
