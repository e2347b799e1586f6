import Model

/// How values are checked and batched while a file is read.
public struct IndicatorParseOptions: Sendable {
    /// The most values handed over at once (at least 1).
    public var batchSize: Int
    /// The known regions; when given, a value whose region is not in it is an `unknown_region` error
    /// and the value's region becomes the table's region id.
    public var regions: IndicatorRegionTable?
    /// Whether the same indicator × region × period × gender × group twice is an error.
    public var detectDuplicates: Bool

    /// Options; by default 1 000 values a batch, no region table, duplicates detected.
    public init(batchSize: Int = 1000, regions: IndicatorRegionTable? = nil, detectDuplicates: Bool = true) {
        self.batchSize = max(1, batchSize)
        self.regions = regions
        self.detectDuplicates = detectDuplicates
    }
}

/// What a parse did: how many values and batches, and the most values held at once.
public struct IndicatorParseSummary: Sendable, Hashable {
    /// Values read.
    public var values = 0
    /// Batches handed over.
    public var batches = 0
    /// The most values the reader held at any time; never more than the batch size.
    public var peakBufferedValues = 0
}
