import Foundation

/// A budgeting round as the storage service keeps it for the participation service: the round,
/// the secret that keys the voters' HMAC and, once counted, the kept result.
///
/// Only the participation service reads it; the secret is never in a reply to the gateway, nor in
/// the audit log (which records `round` and `result` only).
public struct ParticipationStorageRound: Codable, Sendable, Hashable {
    public var round: BudgetingRound
    /// 32 random bytes (base64 in JSON).
    public var secret: Data
    public var result: ParticipationContracts.Tally.Response?

    public init(round: BudgetingRound, secret: Data, result: ParticipationContracts.Tally.Response? = nil) {
        self.round = round
        self.secret = secret
        self.result = result
    }
}
