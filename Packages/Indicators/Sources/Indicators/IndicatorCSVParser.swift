import Foundation
import Model

/// Reads indicator values from CSV, one record at a time.
///
/// The header names the columns (case-insensitive, any order; unknown columns are ignored);
/// the separator is `;` or `,`, whichever comes first in the header. Numbers may use a decimal
/// comma (quote such a field when the separator is `,`); an empty field, `..` or `-` is a missing
/// value. Memory: one record and the current batch, whatever the file size.
public struct IndicatorCSVParser<Bytes: IteratorProtocol<UInt8>>: IndicatorValueSource {
    /// The file's name, used in error messages.
    public let fileName: String
    /// The layout read.
    public let dialect: IndicatorCSVDialect
    private var reader: CSVRecordReader<Bytes>
    private var columns: Columns?
    private let regions: IndicatorRegionTable?

    private struct Columns {
        var count: Int
        var indicator: Int, region: Int, period: Int
        var gender: Int?, group: Int?, value: Int?, absolute: Int?, numerator: Int?, denominator: Int?
    }

    /// A parser over bytes; with `regions`, Sotkanet region ids are mapped to our regions (our own
    /// dialect's region column is checked by ``IndicatorParseOptions/regions`` instead).
    public init(fileName: String, bytes: Bytes, dialect: IndicatorCSVDialect = .hyte, regions: IndicatorRegionTable? = nil) {
        self.fileName = fileName
        self.dialect = dialect
        self.regions = regions
        reader = CSVRecordReader(bytes: bytes)
    }

    public mutating func nextValue() throws(IndicatorParseError) -> (value: IndicatorValue, location: SourceLocation)? {
        if self.columns == nil { self.columns = try readHeader() }
        guard let columns else { return nil }
        guard let (fields, line) = try readRecord() else { return nil }
        guard fields.count == columns.count else {
            throw IndicatorParseError(.malformedCSV, fileName: fileName, line: line,
                                      reason: "expected \(columns.count) fields as in the header, found \(fields.count)")
        }
        func fail(_ kind: IndicatorParseError.Kind, _ field: String, _ reason: String) -> IndicatorParseError {
            IndicatorParseError(kind, fileName: fileName, line: line, field: field, reason: reason)
        }
        func number(_ index: Int?, _ name: String) throws(IndicatorParseError) -> Double? {
            guard let index, !NumberText.isMissing(fields[index]) else { return nil }
            guard let number = NumberText.parse(fields[index]) else {
                throw fail(.nonNumericValue, name, "'\(fields[index])' is not a number")
            }
            return number
        }
        let indicator = fields[columns.indicator]
        guard !indicator.isEmpty else { throw fail(.missingField, "indicator", "the indicator is empty") }
        var region = fields[columns.region]
        guard !region.isEmpty else { throw fail(.missingField, "region", "the region is empty") }
        let periodName = dialect == .sotkanet ? "year" : "period"
        let period: ReportingPeriod
        do {
            period = try ReportingPeriod(parsing: fields[columns.period])
        } catch {
            throw fail(.invalidValue, periodName, error.description)
        }
        var gender = Gender.total
        if let index = columns.gender, !fields[index].isEmpty {
            guard let parsed = Gender(rawValue: fields[index].lowercased()) else {
                throw fail(.invalidValue, "gender", "'\(fields[index])' is not a gender; expected total, male or female")
            }
            gender = parsed
        }
        if dialect == .sotkanet, let regions {
            guard let id = Int(region), let known = regions.region(sotkanetId: id) else {
                throw fail(.unknownRegion, "region", "the Sotkanet region '\(region)' is not in the region table")
            }
            region = known.id
        }
        let group = columns.group.flatMap { fields[$0].isEmpty ? nil : IndicatorPopulationGroup(fields[$0]) }
        let value = IndicatorValue(
            indicator: indicator, region: region, period: period, gender: gender, group: group,
            value: try number(columns.value, "value"),
            count: try number(columns.absolute, dialect == .sotkanet ? "absValue" : "count"),
            numerator: try number(columns.numerator, "numerator"), denominator: try number(columns.denominator, "denominator"))
        return (value, SourceLocation(line: line))
    }

    private mutating func readRecord() throws(IndicatorParseError) -> (fields: [String], line: Int)? {
        do {
            return try reader.next()
        } catch {
            throw IndicatorParseError(.malformedCSV, fileName: fileName, line: error.line, reason: error.reason)
        }
    }

    private mutating func readHeader() throws(IndicatorParseError) -> Columns {
        guard let (names, line) = try readRecord() else {
            throw IndicatorParseError(.missingField, fileName: fileName, line: 1, reason: "the file is empty; expected a header line")
        }
        let lower = names.map { $0.lowercased() }
        func index(_ aliases: [String]) -> Int? { lower.firstIndex { aliases.contains($0) } }
        func required(_ aliases: [String]) throws(IndicatorParseError) -> Int {
            guard let found = index(aliases) else {
                throw IndicatorParseError(.missingField, fileName: fileName, line: line, field: aliases[0],
                                          reason: "the header has no column '\(aliases[0])'; it has \(names.joined(separator: ", "))")
            }
            return found
        }
        let period = dialect == .sotkanet ? ["year"] : ["period", "year"]
        let absolute = dialect == .sotkanet ? ["absvalue"] : ["count", "absvalue"]
        let value = try required(["value"])
        return Columns(count: names.count, indicator: try required(["indicator"]), region: try required(["region"]),
                       period: try required(period), gender: index(["gender"]), group: index(["group"]), value: value,
                       absolute: index(absolute), numerator: index(["numerator"]), denominator: index(["denominator"]))
    }
}

extension IndicatorCSVParser where Bytes == Data.Iterator {
    /// A parser over bytes held in memory.
    public init(fileName: String, data: Data, dialect: IndicatorCSVDialect = .hyte, regions: IndicatorRegionTable? = nil) {
        self.init(fileName: fileName, bytes: data.makeIterator(), dialect: dialect, regions: regions)
    }
}

extension IndicatorCSVParser where Bytes == ChunkedByteIterator {
    /// A parser reading `url` in chunks.
    public init(url: URL, dialect: IndicatorCSVDialect = .hyte, regions: IndicatorRegionTable? = nil, chunkSize: Int = 65_536) throws {
        let handle = try FileHandle(forReadingFrom: url)
        self.init(fileName: url.lastPathComponent, bytes: ChunkedByteIterator(reading: handle, chunkSize: chunkSize),
                  dialect: dialect, regions: regions)
    }
}
