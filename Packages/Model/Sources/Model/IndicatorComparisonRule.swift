import Foundation

/// When a difference from the reference region is large enough to colour a value good or worrying.
///
/// A difference counts when its relative size reaches `relativeThreshold` **and** its absolute
/// size (in the indicator's unit) reaches `absoluteThreshold`. The defaults — 10 % relative, no
/// absolute floor — are explained in `docs/indicator-rules.md`.
public struct IndicatorComparisonRule: Codable, Sendable, Hashable {
    /// The smallest relative difference, as a fraction (0.10 = 10 %), that is not neutral.
    public var relativeThreshold: Double
    /// The smallest absolute difference in the indicator's unit that is not neutral (0 = none).
    public var absoluteThreshold: Double

    /// A rule with the given thresholds.
    public init(relativeThreshold: Double = 0.10, absoluteThreshold: Double = 0) {
        self.relativeThreshold = relativeThreshold
        self.absoluteThreshold = absoluteThreshold
    }

    /// 10 % relative difference, no absolute floor.
    public static let standard = IndicatorComparisonRule()

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        relativeThreshold = try container.decodeIfPresent(Double.self, forKey: .relativeThreshold) ?? 0.10
        absoluteThreshold = try container.decodeIfPresent(Double.self, forKey: .absoluteThreshold) ?? 0
    }
}
