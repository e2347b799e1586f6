/// A chart: a line chart of series over years, or a stacked bar chart of counts per category.
/// Every chart carries a text alternative, and renderers always show its data as a table too.
public struct ReportChart: Sendable, Hashable {
    /// What kind of chart.
    public enum Kind: Sendable, Hashable {
        /// One line per series over `years`; values missing in a year leave a gap.
        case line(years: [Int], series: [ReportSeries])
        /// One horizontal bar per category, split into segments (e.g. status counts); `categoryTitle`
        /// names the categories in the data table ("Painopiste").
        case stackedBar(categoryTitle: String, categories: [String], segments: [ReportBarSegment])
    }

    /// The chart's title.
    public var title: String
    /// The text alternative: what the chart shows, in a sentence or two.
    public var description: String
    /// The chart itself.
    public var kind: Kind
    /// The unit of the values, e.g. "%".
    public var unit: String?
    /// Decimals of the values in labels and the data table.
    public var decimals: Int
    /// A table that holds the chart's data (and more) to show instead of the generated data table.
    public var data: ReportTable?

    /// A chart.
    public init(title: String, description: String, kind: Kind, unit: String? = nil, decimals: Int = 0, data: ReportTable? = nil) {
        self.title = title
        self.description = description
        self.kind = kind
        self.unit = unit
        self.decimals = decimals
        self.data = data
    }
}
