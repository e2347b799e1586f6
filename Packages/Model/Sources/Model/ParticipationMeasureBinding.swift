import Foundation

/// How long the periods are for which a bound measure receives values.
public enum BindingPeriods: String, Codable, Sendable, CaseIterable, Hashable {
    case year
    case halfYear = "half-year"
    case quarter

    /// The period of this length that contains month `month` (1–12) of `year`.
    public func period(year: Int, month: Int) -> ReportingPeriod {
        switch self {
        case .year: ReportingPeriod(year: year)
        case .halfYear: ReportingPeriod(year: year, part: .half(month <= 6 ? 1 : 2))
        case .quarter: ReportingPeriod(year: year, part: .quarter((month - 1) / 3 + 1))
        }
    }
}

/// Binds a measure of a plan to the participation figure that gives its value for each period.
///
/// The participation service keeps bindings and, whenever a figure changes, writes the figure's
/// value as the measure's value for the period (`measure.value.record` of the storage service).
public struct MeasureBinding: Codable, Sendable, Hashable {
    public var planId: String
    /// The number of the plan item that holds the measure.
    public var item: String
    public var measureId: String
    public var figure: ParticipationFigure
    public var periods: BindingPeriods

    public init(planId: String, item: String, measureId: String, figure: ParticipationFigure, periods: BindingPeriods = .year) {
        self.planId = planId
        self.item = item
        self.measureId = measureId
        self.figure = figure
        self.periods = periods
    }

    enum CodingKeys: String, CodingKey { case planId, item, measureId, figure, periods }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        planId = try c.decode(String.self, forKey: .planId)
        item = try c.decode(String.self, forKey: .item)
        measureId = try c.decode(String.self, forKey: .measureId)
        figure = try c.decode(ParticipationFigure.self, forKey: .figure)
        periods = try c.decodeIfPresent(BindingPeriods.self, forKey: .periods) ?? .year
    }

    /// The key of the binding among a plan's bindings: `ITEM/MEASURE`.
    public var key: String { "\(item)/\(measureId)" }
}
