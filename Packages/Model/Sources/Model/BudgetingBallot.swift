import Foundation

/// A stored ballot: the voter appears only as a key derived from the voter id and the round's secret.
public struct BudgetingBallot: Codable, Sendable, Hashable {
    public var roundId: String
    /// Hex of HMAC-SHA256(round secret, voter id); the same voter has different keys in different rounds.
    public var voterKey: String
    /// Ids of the projects chosen.
    public var choices: [String]

    public init(roundId: String, voterKey: String, choices: [String]) {
        self.roundId = roundId
        self.voterKey = voterKey
        self.choices = choices
    }
}
