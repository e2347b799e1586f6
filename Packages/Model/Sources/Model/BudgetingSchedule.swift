import Foundation

/// When each phase of a round begins; each phase lasts until the next begins.
public struct BudgetingSchedule: Codable, Sendable, Hashable {
    public var proposalsOpen: Date
    public var screeningStarts: Date
    public var votingOpens: Date
    /// Voting closes here and the results phase begins.
    public var votingCloses: Date
    public var implementationStarts: Date

    public init(proposalsOpen: Date, screeningStarts: Date, votingOpens: Date, votingCloses: Date, implementationStarts: Date) {
        self.proposalsOpen = proposalsOpen
        self.screeningStarts = screeningStarts
        self.votingOpens = votingOpens
        self.votingCloses = votingCloses
        self.implementationStarts = implementationStarts
    }

    /// The phase at `now`, or nil before proposals open.
    public func phase(at now: Date) -> BudgetingPhase? {
        if now >= implementationStarts { return .implementation }
        if now >= votingCloses { return .results }
        if now >= votingOpens { return .voting }
        if now >= screeningStarts { return .screening }
        if now >= proposalsOpen { return .proposals }
        return nil
    }
}
