import Foundation
import Model

/// Reads the table of wellbeing counties with their new and old Sotkanet ids and codes, as
/// rOpenGov/sotkanet ships it (`sotkanet_hyvinvointialueet.csv`: `nimi,uusi_id,vanha_id,uusi_code,vanha_code`).
///
/// Each row becomes a ``Region`` of kind wellbeing county (Helsinki, which organises the services
/// itself, and Ahvenanmaa included) with id `sotkanet-<uusi_id>`, the new code and Sotkanet id,
/// and the old ones as former. Memory: one record.
public struct SotkanetWelfareCountyCSVParser<Bytes: IteratorProtocol<UInt8>> {
    /// The file's name, used in error messages.
    public let fileName: String
    private var reader: CSVRecordReader<Bytes>
    private var columns: [String: Int]?
    private static var required: [String] { ["nimi", "uusi_id", "vanha_id", "uusi_code", "vanha_code"] }

    /// A parser over any source of bytes.
    public init(fileName: String, bytes: Bytes) {
        self.fileName = fileName
        reader = CSVRecordReader(bytes: bytes)
    }

    /// The next region, or nil after the last one.
    public mutating func next() throws(IndicatorParseError) -> Region? {
        if columns == nil {
            guard let (names, line) = try record() else {
                throw IndicatorParseError(.missingField, fileName: fileName, line: 1, reason: "the file is empty; expected a header line")
            }
            var found: [String: Int] = [:]
            for (index, name) in names.enumerated() { found[name.lowercased()] = index }
            for name in Self.required where found[name] == nil {
                throw IndicatorParseError(.missingField, fileName: fileName, line: line, field: name,
                                          reason: "the header has no column '\(name)'")
            }
            columns = found
        }
        guard let columns, let (fields, line) = try record() else { return nil }
        guard fields.count == columns.count else {
            throw IndicatorParseError(.malformedCSV, fileName: fileName, line: line,
                                      reason: "expected \(columns.count) fields as in the header, found \(fields.count)")
        }
        func field(_ name: String) -> String { fields[columns[name]!] }
        func integer(_ name: String) throws(IndicatorParseError) -> Int? {
            let text = field(name)
            if text.isEmpty { return nil }
            guard let number = Int(text) else {
                throw IndicatorParseError(.nonNumericValue, fileName: fileName, line: line, field: name,
                                          reason: "'\(text)' is not an integer")
            }
            return number
        }
        guard let id = try integer("uusi_id") else {
            throw IndicatorParseError(.missingField, fileName: fileName, line: line, field: "uusi_id", reason: "the new Sotkanet id is empty")
        }
        let name = field("nimi")
        return Region(id: "sotkanet-\(id)", kind: .wellbeingCounty, name: LocalizedText(fi: name),
                      code: field("uusi_code").isEmpty ? nil : field("uusi_code"),
                      formerCodes: field("vanha_code").isEmpty ? [] : [field("vanha_code")],
                      sotkanetId: id, formerSotkanetIds: try integer("vanha_id").map { [$0] } ?? [])
    }

    /// Every region.
    public mutating func readAll() throws(IndicatorParseError) -> [Region] {
        var regions: [Region] = []
        while let region = try next() { regions.append(region) }
        return regions
    }

    private mutating func record() throws(IndicatorParseError) -> (fields: [String], line: Int)? {
        do {
            return try reader.next()
        } catch {
            throw IndicatorParseError(.malformedCSV, fileName: fileName, line: error.line, reason: error.reason)
        }
    }
}

extension SotkanetWelfareCountyCSVParser where Bytes == Data.Iterator {
    /// A parser over bytes held in memory.
    public init(fileName: String, data: Data) {
        self.init(fileName: fileName, bytes: data.makeIterator())
    }
}
