import Foundation

/// One value of one indicator for one region, period, gender and population group.
public struct IndicatorValue: Codable, Sendable, Hashable {
    /// The indicator's id.
    public var indicator: String
    /// The region's id.
    public var region: String
    /// The period the value describes (a year, a half-year or a quarter).
    public var period: ReportingPeriod
    /// Total, male or female.
    public var gender: Gender
    /// The population group, when the indicator has groups.
    public var group: IndicatorPopulationGroup?
    /// The value in the indicator's unit; nil when the source has none (suppressed or missing).
    public var value: Double?
    /// The absolute number behind the value (Sotkanet's `absValue`), e.g. the number of persons.
    public var count: Double?
    /// The numerator of a rate, when known.
    public var numerator: Double?
    /// The denominator of a rate, when known.
    public var denominator: Double?

    /// A value; gender defaults to total.
    public init(indicator: String, region: String, period: ReportingPeriod, gender: Gender = .total,
                group: IndicatorPopulationGroup? = nil, value: Double?, count: Double? = nil,
                numerator: Double? = nil, denominator: Double? = nil) {
        self.indicator = indicator
        self.region = region
        self.period = period
        self.gender = gender
        self.group = group
        self.value = value
        self.count = count
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The identity of the value within a data set: two values with the same key are duplicates.
    public var key: IndicatorValueKey {
        IndicatorValueKey(indicator: indicator, region: region, period: period, gender: gender, group: group)
    }
}
