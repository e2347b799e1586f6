import Model

/// A reader that yields indicator values one at a time, with where each was read.
///
/// Every parser of value files conforms; ``IndicatorValueSource/parse(options:onBatch:)`` turns
/// any of them into batches with the region and duplicate checks.
public protocol IndicatorValueSource {
    /// The file's name, used in error messages.
    var fileName: String { get }
    /// The next value and its location, or nil after the last one.
    mutating func nextValue() throws(IndicatorParseError) -> (value: IndicatorValue, location: SourceLocation)?
}

extension IndicatorValueSource {
    /// Reads every value, checking regions and duplicates, and hands them to `onBatch` in batches.
    ///
    /// Memory: at most `options.batchSize` values are held (the batch being filled), plus one
    /// chunk of input and one row; the duplicate check adds one key per distinct value read and
    /// can be switched off with `options.detectDuplicates` for files of unbounded size.
    /// An error thrown by `onBatch` stops the reading and is rethrown.
    @discardableResult
    public mutating func parse(options: IndicatorParseOptions = IndicatorParseOptions(),
                               onBatch: ([IndicatorValue]) throws -> Void) throws -> IndicatorParseSummary {
        var batcher = IndicatorValueBatcher(fileName: fileName, options: options)
        while let (value, location) = try nextValue() {
            if let batch = try batcher.add(value, at: location) { try onBatch(batch) }
        }
        if let batch = batcher.finish() { try onBatch(batch) }
        return batcher.summary
    }

    /// Reads every value into an array (for small files and tests).
    public mutating func readAll(options: IndicatorParseOptions = IndicatorParseOptions()) throws -> [IndicatorValue] {
        var all: [IndicatorValue] = []
        try parse(options: options) { all.append(contentsOf: $0) }
        return all
    }
}
