import Model

/// Whether a series is getting better, worse or staying put, and for how long.
///
/// Method (see `docs/indicator-rules.md`): the least-squares slope over the last `window` points
/// (per year, x = the period's mid-year), divided by the mean absolute level of those points,
/// is the relative change per year. At or beyond `threshold` it is a change: improving when it
/// goes the indicator's better way, worsening otherwise; within the threshold, or for a neutral
/// indicator, stable. `lastedPeriods` counts the latest period-to-period steps that go the same way.
public struct IndicatorTrend: Sendable, Hashable {
    /// The assessment.
    public enum Assessment: String, Sendable, Hashable, Codable {
        case improving, worsening, stable
    }

    /// Which way the values move, whatever is better.
    public enum Movement: String, Sendable, Hashable, Codable {
        case rising, falling, flat
    }

    /// Improving, worsening or stable.
    public var assessment: Assessment
    /// Rising, falling or flat.
    public var movement: Movement
    /// The least-squares slope in the unit per year.
    public var slopePerYear: Double
    /// The slope relative to the mean level (0.05 = 5 % a year); nil when the level is 0.
    public var relativeSlope: Double?
    /// How many of the latest period-to-period steps move the same way as the trend (for a
    /// stable trend: steps within the threshold).
    public var lastedPeriods: Int
    /// How many points were used.
    public var points: Int

    /// The trend of `series` (any order; missing values left out); nil with fewer than two values.
    public init?(series: [(period: ReportingPeriod, value: Double?)], direction: Direction,
                 window: Int = 5, threshold: Double = 0.02) {
        let known = series.compactMap { point in point.value.map { (Self.x(point.period), $0) } }.sorted { $0.0 < $1.0 }
        guard known.count >= 2 else { return nil }
        let recent = Array(known.suffix(max(2, window)))
        let meanX = recent.map(\.0).reduce(0, +) / Double(recent.count)
        let meanY = recent.map(\.1).reduce(0, +) / Double(recent.count)
        let sxx = recent.reduce(0) { $0 + ($1.0 - meanX) * ($1.0 - meanX) }
        let sxy = recent.reduce(0) { $0 + ($1.0 - meanX) * ($1.1 - meanY) }
        let slope = sxx == 0 ? 0 : sxy / sxx
        let level = recent.map { abs($0.1) }.reduce(0, +) / Double(recent.count)
        let relative: Double? = level == 0 ? nil : slope / level
        slopePerYear = slope
        relativeSlope = relative
        points = recent.count
        let moving = relative.map { abs($0) >= threshold } ?? (slope != 0)
        movement = !moving ? .flat : slope > 0 ? .rising : .falling
        switch (movement, direction) {
        case (.flat, _), (_, .neutral): assessment = .stable
        case (.rising, .higherIsBetter), (.falling, .lowerIsBetter): assessment = .improving
        default: assessment = .worsening
        }
        // Steps from the end that move the same way (relative to the level, per year).
        var lasted = 0
        for index in stride(from: known.count - 1, to: 0, by: -1) {
            let (x1, y1) = known[index], (x0, y0) = known[index - 1]
            let years = max(x1 - x0, 0.25)
            let step = (y1 - y0) / years
            let stepRelative = level == 0 ? step : step / level
            let stepMovement: Movement = abs(stepRelative) < threshold ? .flat : step > 0 ? .rising : .falling
            guard stepMovement == movement else { break }
            lasted += 1
        }
        lastedPeriods = lasted
    }

    /// The period's middle as a fractional year.
    static func x(_ period: ReportingPeriod) -> Double {
        Double(period.year) + (Double(period.months.lowerBound + period.months.upperBound) / 2 - 0.5) / 12
    }
}
