import BusCore
import Foundation
import Model

/// One row of `indicator_value` (or `indicator_import_row`): an ``IndicatorValue`` with its key
/// columns as text (no group is the empty string) and the year for range queries.
struct IndicatorValueRow: Sendable, Hashable {
    var indicator: String
    var region: String
    var period: String
    var gender: String
    var group: String
    var year: Int
    var value: Double?
    var absValue: Double?
    var numerator: Double?
    var denominator: Double?

    init(_ value: IndicatorValue) {
        indicator = value.indicator
        region = value.region
        period = value.period.description
        gender = value.gender.rawValue
        group = value.group?.id ?? ""
        year = value.period.year
        self.value = value.value
        absValue = value.count
        numerator = value.numerator
        denominator = value.denominator
    }

    init(indicator: String, region: String, period: String, gender: String, group: String, year: Int,
         value: Double?, absValue: Double?, numerator: Double?, denominator: Double?) {
        self.indicator = indicator
        self.region = region
        self.period = period
        self.gender = gender
        self.group = group
        self.year = year
        self.value = value
        self.absValue = absValue
        self.numerator = numerator
        self.denominator = denominator
    }

    /// The value as the model has it; a row the model cannot read is a storage error.
    func model() throws -> IndicatorValue {
        guard let period = try? ReportingPeriod(parsing: period), let gender = Gender(rawValue: gender) else {
            throw StorageDataError("indicator_value \(indicator)/\(region)/\(self.period)/\(self.gender) cannot be read")
        }
        return IndicatorValue(indicator: indicator, region: region, period: period, gender: gender,
                              group: group.isEmpty ? nil : IndicatorPopulationGroup(group), value: value,
                              count: absValue, numerator: numerator, denominator: denominator)
    }

    /// Checks a staged value: ids not empty, numbers finite.
    static func validated(_ values: [IndicatorValue]) throws -> [IndicatorValueRow] {
        try values.enumerated().map { index, value in
            if value.indicator.isEmpty || value.region.isEmpty {
                throw ServiceError.badRequest("values[\(index)]: indicator and region must not be empty",
                                              details: ["index": String(index)])
            }
            for (field, number) in [("value", value.value), ("count", value.count), ("numerator", value.numerator),
                                    ("denominator", value.denominator)] {
                if let number, !number.isFinite {
                    throw ServiceError.badRequest("values[\(index)].\(field): \(number) is not a finite number",
                                                  details: ["index": String(index), "field": field])
                }
            }
            return IndicatorValueRow(value)
        }
    }

    /// Sorted by region, gender, group, then period.
    static func ordered(_ values: [IndicatorValue]) -> [IndicatorValue] {
        values.sorted {
            ($0.region, $0.gender.rawValue, $0.group?.id ?? "") != ($1.region, $1.gender.rawValue, $1.group?.id ?? "")
                ? ($0.region, $0.gender.rawValue, $0.group?.id ?? "") < ($1.region, $1.gender.rawValue, $1.group?.id ?? "")
                : $0.period < $1.period
        }
    }
}
