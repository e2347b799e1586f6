import Model

/// Collects values into batches, resolving regions and refusing duplicates.
///
/// The duplicate check keeps one key per value read, so memory grows with the file; it serves
/// ``IndicatorValueSource/parse(options:onBatch:)`` (the library's readers and their tests). The
/// indicators service's import does not use it: it stages each value with its line or JSON path
/// (`indicator.import.rows`) and storage's staging table, keyed by the value key, finds duplicates
/// there, naming both lines.
struct IndicatorValueBatcher {
    let fileName: String
    let options: IndicatorParseOptions
    private var batch: [IndicatorValue] = []
    private var seen: [IndicatorValueKey: SourceLocation] = [:]
    private(set) var summary = IndicatorParseSummary()

    init(fileName: String, options: IndicatorParseOptions) {
        self.fileName = fileName
        self.options = options
        batch.reserveCapacity(options.batchSize)
    }

    /// Adds a value; returns a full batch when one is ready.
    mutating func add(_ value: IndicatorValue, at location: SourceLocation) throws(IndicatorParseError) -> [IndicatorValue]? {
        var value = value
        if let table = options.regions {
            guard let region = table.region(reference: value.region) else {
                throw IndicatorParseError(.unknownRegion, fileName: fileName, line: location.line,
                                          path: location.path.map { $0 + ".region" }, field: "region",
                                          reason: "the region '\(value.region)' is not in the region table")
            }
            value.region = region.id
        }
        if options.detectDuplicates {
            if let first = seen.updateValue(location, forKey: value.key) {
                let earlier = first.line.map { "line \($0)" } ?? first.path ?? "earlier"
                throw IndicatorParseError(.duplicateRow, fileName: fileName, line: location.line, path: location.path,
                                          reason: "indicator \(value.indicator), region \(value.region), period \(value.period), "
                                              + "gender \(value.gender.rawValue)\(value.group.map { ", group \($0.id)" } ?? "")"
                                              + " was already given at \(earlier)")
            }
        }
        batch.append(value)
        summary.values += 1
        summary.peakBufferedValues = max(summary.peakBufferedValues, batch.count)
        guard batch.count >= options.batchSize else { return nil }
        return takeBatch()
    }

    /// The last, partial batch, if any.
    mutating func finish() -> [IndicatorValue]? {
        batch.isEmpty ? nil : takeBatch()
    }

    private mutating func takeBatch() -> [IndicatorValue] {
        let full = batch
        batch.removeAll(keepingCapacity: true)
        summary.batches += 1
        return full
    }
}
