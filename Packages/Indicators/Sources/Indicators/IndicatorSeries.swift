import Model

/// The values of one indicator for one region, gender and group over time.
public struct IndicatorSeries: Sendable, Hashable {
    /// The indicator's id.
    public var indicator: String
    /// The region's id.
    public var region: String
    /// The gender.
    public var gender: Gender
    /// The population group, if any.
    public var group: IndicatorPopulationGroup?
    /// The points, in any order; a nil value is missing.
    public var points: [Point]

    /// One period's value.
    public struct Point: Sendable, Hashable {
        /// The period.
        public var period: ReportingPeriod
        /// The value; nil when missing.
        public var value: Double?
        /// A point.
        public init(period: ReportingPeriod, value: Double?) {
            self.period = period
            self.value = value
        }
    }

    /// A series.
    public init(indicator: String, region: String, gender: Gender = .total, group: IndicatorPopulationGroup? = nil, points: [Point]) {
        self.indicator = indicator
        self.region = region
        self.gender = gender
        self.group = group
        self.points = points
    }

    /// The values grouped into series by indicator, region, gender and group, sorted by those.
    public static func grouping(_ values: [IndicatorValue]) -> [IndicatorSeries] {
        struct Key: Hashable { var indicator: String, region: String, gender: Gender, group: IndicatorPopulationGroup? }
        var byKey: [Key: [Point]] = [:]
        var order: [Key] = []
        for value in values {
            let key = Key(indicator: value.indicator, region: value.region, gender: value.gender, group: value.group)
            if byKey[key] == nil { order.append(key) }
            byKey[key, default: []].append(Point(period: value.period, value: value.value))
        }
        return order.map { key in
            IndicatorSeries(indicator: key.indicator, region: key.region, gender: key.gender, group: key.group,
                            points: byKey[key]!.sorted { $0.period < $1.period })
        }
    }

    /// The trend of the series for an indicator whose better direction is `direction`.
    public func trend(direction: Direction, window: Int = 5, threshold: Double = 0.02) -> IndicatorTrend? {
        IndicatorTrend(series: points.map { ($0.period, $0.value) }, direction: direction, window: window, threshold: threshold)
    }
}
