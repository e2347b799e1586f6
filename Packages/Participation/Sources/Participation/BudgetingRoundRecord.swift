import Foundation
import Model

/// A round as the participation service stores it: the published round, its secret and, once
/// counted, its result.
public struct BudgetingRoundRecord: Codable, Sendable, Hashable {
    public var round: BudgetingRound
    /// Keys the voters' HMAC; never leaves the participation service.
    public var secret: Data
    /// The result counted when it was first asked for after voting closed.
    public var result: ParticipationContracts.Tally.Response?

    /// A record of `round` with `secret` and, if counted, `result`.
    public init(round: BudgetingRound, secret: Data, result: ParticipationContracts.Tally.Response? = nil) {
        self.round = round
        self.secret = secret
        self.result = result
    }
}
