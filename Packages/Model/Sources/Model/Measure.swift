import Foundation

/// Whether a higher value is better.
public enum Direction: String, Codable, Sendable, CaseIterable {
    case higherIsBetter = "higher-is-better"
    case lowerIsBetter = "lower-is-better"
    case neutral
}

/// The kinds of measure the seed plans use.
public enum MeasureKind: String, Codable, Sendable, CaseIterable {
    /// "Toteutunut / Ei toteutunut".
    case doneNotDone = "done-not-done"
    /// A count: "kyselyiden lukumäärä", "osallistujien määrä".
    case count
    /// A value with a baseline and a target: "93 % (2018), tavoite 2021 94 %".
    case value
    /// A statistical indicator followed as the measure.
    case indicator
    /// Qualitative text.
    case text
}

/// A value in a given year: a baseline or a target.
public struct YearValue: Codable, Sendable, Hashable {
    public var year: Int
    public var value: Double
    public init(year: Int, value: Double) {
        self.year = year
        self.value = value
    }
}

/// How success of an item is seen (mittari).
public struct Measure: Codable, Sendable, Hashable {
    /// Unique within the plan, e.g. "1.2.3-m1".
    public var id: String
    public var kind: MeasureKind
    /// The measure as the plan writes it.
    public var title: LocalizedText
    /// Unit for counts and values: "%", "lkm", "pv", "€".
    public var unit: String?
    public var baseline: YearValue?
    public var target: YearValue?
    public var direction: Direction?
    /// For `indicator` measures: the indicator's id.
    public var indicator: String?

    public init(id: String, kind: MeasureKind, title: LocalizedText, unit: String? = nil, baseline: YearValue? = nil,
                target: YearValue? = nil, direction: Direction? = nil, indicator: String? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.unit = unit
        self.baseline = baseline
        self.target = target
        self.direction = direction
        self.indicator = indicator
    }
}
