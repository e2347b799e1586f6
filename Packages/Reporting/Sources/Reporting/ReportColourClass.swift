import Model

/// How an indicator's value compares with the whole country (the regional plan's colours).
public enum ReportColourClass: String, Codable, Sendable, CaseIterable {
    /// Better than the whole country (hyvä).
    case good
    /// About the same as the whole country (neutraali).
    case neutral
    /// Worse than the whole country (huolestuttava).
    case worrying
}
