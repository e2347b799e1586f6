/// The kinds of participation record the storage service keeps as documents
/// (`participation.record.*`). Responses and invitation tokens have operations of their own.
public enum ParticipationStorageRecordKind: String, Codable, Sendable, Hashable, CaseIterable {
    case survey
    /// A `ParticipationStorageRound`: the round, its secret and its kept result.
    case round
    /// A `BudgetingProposal`; its parent is the round id.
    case proposal
    /// A `BudgetingBallot` keyed by voter key; its parent is the round id. Not audited.
    case ballot
    case panel
    case hearing
    case event
    case assessment
    /// A `MeasureBinding`; no parent, its id is `PLAN/ITEM/MEASURE`.
    case binding

    /// True for the kinds whose changes are written to the audit log and kept in `processed_request`.
    /// Ballots are not: the audit time would date a voter's ballot; a ballot replaces itself anyway.
    public var isAudited: Bool { self != .ballot }
}
