import Foundation

/// What identifies an indicator value: indicator × region × period × gender × group.
public struct IndicatorValueKey: Sendable, Hashable {
    /// The indicator's id.
    public var indicator: String
    /// The region's id.
    public var region: String
    /// The period.
    public var period: ReportingPeriod
    /// The gender.
    public var gender: Gender
    /// The population group, if any.
    public var group: IndicatorPopulationGroup?

    /// The key of a value.
    public init(indicator: String, region: String, period: ReportingPeriod, gender: Gender, group: IndicatorPopulationGroup?) {
        self.indicator = indicator
        self.region = region
        self.period = period
        self.gender = gender
        self.group = group
    }
}
