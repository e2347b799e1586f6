import Foundation
import Model

/// Reads Sotkanet REST JSON rows (`/rest/1.1/json?indicator=…`) as indicator values, streaming.
///
/// A row `{"indicator": 171, "region": 46, "year": 2019, "gender": "total", "value": 7.4, "absValue": 48189}`
/// becomes the value of indicator `"171"` for region `"46"` (or, with a region table, the region
/// whose Sotkanet id is 46), period 2019, with `count` 48189. Memory: one row and the current batch.
public struct SotkanetValueParser<Bytes: IteratorProtocol<UInt8>>: IndicatorValueSource {
    public var fileName: String { rows.fileName }
    private var rows: SotkanetJSONParser<Bytes>
    private var index = 0
    private let regions: IndicatorRegionTable?

    /// A parser over any source of bytes; `regions` maps Sotkanet region ids to our regions.
    public init(fileName: String, bytes: Bytes, regions: IndicatorRegionTable? = nil) {
        rows = SotkanetJSONParser(fileName: fileName, bytes: bytes)
        self.regions = regions
    }

    public mutating func nextValue() throws(IndicatorParseError) -> (value: IndicatorValue, location: SourceLocation)? {
        let row: SotkanetRow?
        do {
            row = try rows.next()
        } catch {
            throw IndicatorParseError(error)
        }
        guard let row else { return nil }
        let path = "$[\(index)]"
        index += 1
        var region = String(row.region)
        if let regions {
            guard let known = regions.region(sotkanetId: row.region) else {
                throw IndicatorParseError(.unknownRegion, fileName: fileName, path: path + ".region", field: "region",
                                          reason: "the Sotkanet region \(row.region) is not in the region table")
            }
            region = known.id
        }
        let value = IndicatorValue(indicator: String(row.indicator), region: region, period: ReportingPeriod(year: row.year),
                                   gender: row.gender, value: row.value, count: row.absValue)
        return (value, SourceLocation(path: path))
    }
}

extension SotkanetValueParser where Bytes == Data.Iterator {
    /// A parser over bytes held in memory.
    public init(fileName: String, data: Data, regions: IndicatorRegionTable? = nil) {
        self.init(fileName: fileName, bytes: data.makeIterator(), regions: regions)
    }
}

extension SotkanetValueParser where Bytes == ChunkedByteIterator {
    /// A parser reading `url` in chunks.
    public init(url: URL, regions: IndicatorRegionTable? = nil, chunkSize: Int = 65_536) throws {
        let handle = try FileHandle(forReadingFrom: url)
        self.init(fileName: url.lastPathComponent, bytes: ChunkedByteIterator(reading: handle, chunkSize: chunkSize), regions: regions)
    }
}
