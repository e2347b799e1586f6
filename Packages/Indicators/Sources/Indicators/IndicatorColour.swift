/// How a region's value stands against the reference region, as the regional plan colours it.
public enum IndicatorColour: String, Codable, Sendable, CaseIterable, Hashable {
    /// Better than the reference by at least the threshold (green in the plan).
    case good
    /// Within the threshold, or the indicator has no better direction (grey/yellow).
    case neutral
    /// Worse than the reference by at least the threshold (red).
    case worrying
}
