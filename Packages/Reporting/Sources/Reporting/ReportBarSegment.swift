/// One segment kind of a stacked bar chart, e.g. "done", with its count per category.
public struct ReportBarSegment: Sendable, Hashable {
    /// The segment's word in the legend.
    public var name: String
    /// A symbol shown in the legend beside the colour, so colour is never the only carrier.
    public var symbol: String
    /// The colour class name (CSS) of the segment, e.g. `status-done`.
    public var tone: String
    /// One count per category.
    public var values: [Double]

    /// A segment.
    public init(name: String, symbol: String, tone: String, values: [Double]) {
        self.name = name
        self.symbol = symbol
        self.tone = tone
        self.values = values
    }
}
