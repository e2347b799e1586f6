/// Refusals of a repository that the routes turn into replies.
public enum ParticipationRepositoryError: Error, Sendable, Hashable {
    /// The invitation token was never issued for the survey.
    case tokenUnknown
    /// The invitation token has already answered.
    case tokenUsed
}
