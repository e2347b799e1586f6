import Foundation

/// Statements of one council in one year: requested, given and answered.
public struct HearingCount: Codable, Sendable, Hashable {
    public var council: HearingCouncil
    public var year: Int
    public var requested: Int
    public var given: Int
    public var answered: Int

    public init(council: HearingCouncil, year: Int, requested: Int, given: Int, answered: Int) {
        self.council = council
        self.year = year
        self.requested = requested
        self.given = given
        self.answered = answered
    }
}
