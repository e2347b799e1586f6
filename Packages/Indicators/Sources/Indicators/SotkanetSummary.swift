import Model

/// What a set of Sotkanet rows holds, accumulated row by row so that a file can be streamed.
///
/// Rows without a value count as missing and take no part in the ranges. When two regions share
/// the lowest (or highest) value, the range names the lower region id.
public struct SotkanetSummary: Sendable, Hashable {
    /// The number of rows added.
    public private(set) var rows = 0
    /// The number of rows whose value is missing.
    public private(set) var missingValues = 0
    private var indicators: Set<Int> = []
    private var regions: Set<Int> = []
    private var years: Set<Int> = []
    private var genders: Set<Gender> = []
    private var ranges: [RangeKey: Extremes] = [:]

    private struct RangeKey: Hashable, Sendable, Comparable {
        var indicator: Int
        var year: Int
        static func < (lhs: Self, rhs: Self) -> Bool { (lhs.indicator, lhs.year) < (rhs.indicator, rhs.year) }
    }

    private struct Extremes: Hashable, Sendable {
        var min: Double
        var minRegion: Int
        var max: Double
        var maxRegion: Int
    }

    /// A summary of no rows.
    public init() {}

    /// Adds one row.
    public mutating func add(_ row: SotkanetRow) {
        rows += 1
        indicators.insert(row.indicator)
        regions.insert(row.region)
        years.insert(row.year)
        genders.insert(row.gender)
        guard let value = row.value else {
            missingValues += 1
            return
        }
        let key = RangeKey(indicator: row.indicator, year: row.year)
        guard var extremes = ranges[key] else {
            ranges[key] = Extremes(min: value, minRegion: row.region, max: value, maxRegion: row.region)
            return
        }
        if value < extremes.min || (value == extremes.min && row.region < extremes.minRegion) {
            extremes.min = value
            extremes.minRegion = row.region
        }
        if value > extremes.max || (value == extremes.max && row.region < extremes.maxRegion) {
            extremes.max = value
            extremes.maxRegion = row.region
        }
        ranges[key] = extremes
    }

    /// Reads every row of `parser` into a new summary.
    public init<Bytes>(parsing parser: inout SotkanetJSONParser<Bytes>) throws(SotkanetParseError) {
        self.init()
        while let row = try parser.next() { add(row) }
    }

    /// The summary as `indicator.inspect` answers it: distinct values sorted ascending, genders in
    /// the order total, male, female, ranges by indicator then year.
    public var response: IndicatorContracts.Inspect.Response {
        IndicatorContracts.Inspect.Response(
            rows: rows,
            indicators: indicators.sorted(),
            regions: regions.sorted(),
            years: years.sorted(),
            genders: Gender.allCases.filter(genders.contains),
            missingValues: missingValues,
            ranges: ranges.keys.sorted().map { key in
                let extremes = ranges[key]!
                return IndicatorContracts.Inspect.ValueRange(
                    indicator: key.indicator, year: key.year, min: extremes.min, max: extremes.max,
                    minRegion: extremes.minRegion, maxRegion: extremes.maxRegion)
            })
    }
}
