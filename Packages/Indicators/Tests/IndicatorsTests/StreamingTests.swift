import Foundation
import Indicators
import Model
import Testing

/// Produces a large text piece by piece, never holding more than one piece.
private final class Generator {
    private var produced = 0
    private let count: Int
    private let header: String
    private let footer: String
    private let row: (Int) -> String
    private var stage = 0
    /// The largest chunk handed out, in bytes.
    private(set) var largestChunk = 0

    init(count: Int, header: String, footer: String = "", row: @escaping (Int) -> String) {
        self.count = count
        self.header = header
        self.footer = footer
        self.row = row
    }

    /// The next chunk: the header, then 100 rows at a time, then the footer.
    func next() -> [UInt8]? {
        var text: String
        switch stage {
        case 0:
            stage = 1
            text = header
        case 1 where produced < count:
            text = ""
            for _ in 0..<100 where produced < count {
                text += row(produced)
                produced += 1
            }
        case 1:
            stage = 2
            text = footer
        default:
            return nil
        }
        largestChunk = max(largestChunk, text.utf8.count)
        return Array(text.utf8)
    }
}

/// Counts what a consumer receives, checking every batch against the bound.
private struct BatchCheck {
    var values = 0
    var batches = 0
    var largestBatch = 0
    var sum = 0.0

    mutating func take(_ batch: [IndicatorValue]) {
        values += batch.count
        batches += 1
        largestBatch = max(largestBatch, batch.count)
        sum += batch.compactMap(\.value).reduce(0, +)
    }
}

@Suite struct StreamingTests {
    static let rows = 24_000
    static let batchSize = 512

    @Test func sotkanetJSONOfAnySizeIsHeldOneBatchAtATime() throws {
        let generator = Generator(count: Self.rows, header: "[", footer: "]") { index in
            (index == 0 ? "" : ",") + #"{"indicator":171,"region":\#(index),"year":2019,"gender":"total","value":1,"absValue":\#(index)}"#
        }
        var parser = SotkanetValueParser(fileName: "big.json", bytes: ChunkedByteIterator(nextChunk: generator.next))
        var check = BatchCheck()
        let summary = try parser.parse(options: IndicatorParseOptions(batchSize: Self.batchSize, detectDuplicates: false)) { check.take($0) }
        #expect(check.values == Self.rows)
        #expect(check.sum == Double(Self.rows))
        #expect(check.largestBatch == Self.batchSize)
        #expect(summary.peakBufferedValues <= Self.batchSize)
        #expect(summary.batches == (Self.rows + Self.batchSize - 1) / Self.batchSize)
        #expect(generator.largestChunk < 20_000)
    }

    @Test func csvOfAnySizeIsHeldOneBatchAtATime() throws {
        let generator = Generator(count: Self.rows, header: "indicator;region;period;value\n") { index in
            "7;r\(index);2019;1,0\n"
        }
        var parser = IndicatorCSVParser(fileName: "big.csv", bytes: ChunkedByteIterator(nextChunk: generator.next))
        var check = BatchCheck()
        // Duplicate detection on: it keeps keys, not values; the values are still one batch.
        let summary = try parser.parse(options: IndicatorParseOptions(batchSize: Self.batchSize)) { check.take($0) }
        #expect(check.values == Self.rows)
        #expect(check.sum == Double(Self.rows))
        #expect(summary.peakBufferedValues <= Self.batchSize)
        #expect(check.largestBatch <= Self.batchSize)
    }

    @Test func jsonStatValuesAreStreamedWhenTheDimensionsComeFirst() throws {
        let years = 20, regions = Self.rows / 20
        let index = (0..<regions).map { "\"R\($0)\"" }.joined(separator: ",")
        let header = #"""
        {"id": ["Alue", "Vuosi"], "size": [\#(regions), \#(years)], "role": {"geo": ["Alue"], "time": ["Vuosi"]},
         "dimension": {"Alue": {"category": {"index": [\#(index)]}},
                       "Vuosi": {"category": {"index": [\#((2000..<2000 + years).map { "\"\($0)\"" }.joined(separator: ","))]}}},
         "value": [
        """#
        let generator = Generator(count: regions * years, header: header, footer: "]}") { index in (index == 0 ? "" : ",") + "2" }
        var parser = JSONStatParser(fileName: "big.json", bytes: ChunkedByteIterator(nextChunk: generator.next),
                                    mapping: JSONStatMapping(fixedIndicator: "x"))
        var check = BatchCheck()
        let summary = try parser.parse(options: IndicatorParseOptions(batchSize: Self.batchSize, detectDuplicates: false)) { check.take($0) }
        #expect(check.values == regions * years)
        #expect(check.sum == Double(2 * regions * years))
        #expect(summary.peakBufferedValues <= Self.batchSize)
    }

    @Test func aCallbackErrorStopsTheReading() {
        struct Stop: Error {}
        var parser = IndicatorCSVParser(fileName: "v.csv", data: Data("indicator;region;period;value\n1;a;2019;1\n1;b;2019;2\n1;c;2019;3\n".utf8))
        var received = 0
        #expect(throws: Stop.self) {
            try parser.parse(options: IndicatorParseOptions(batchSize: 1)) { batch in
                received += batch.count
                if received == 2 { throw Stop() }
            }
        }
        #expect(received == 2)
    }
}
