/// A named series of a line chart: one value (or none) per year of the chart.
public struct ReportSeries: Sendable, Hashable {
    /// The series' name in the legend, e.g. "Loviisa", "Koko maa".
    public var name: String
    /// One value per year of the chart, nil when missing.
    public var values: [Double?]
    /// How the line is drawn: 0 the main series (solid), 1 dashed, 2 dotted, …
    public var style: Int

    /// A series.
    public init(name: String, values: [Double?], style: Int) {
        self.name = name
        self.values = values
        self.style = style
    }
}
