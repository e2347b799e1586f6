import Model

/// Where an indicator is heading, judged by its direction.
public enum ReportTrend: String, Codable, Sendable, CaseIterable {
    /// Moving the good way (paranee).
    case improving
    /// Not changing much (ennallaan).
    case stable
    /// Moving the bad way (heikkenee).
    case worsening
}
