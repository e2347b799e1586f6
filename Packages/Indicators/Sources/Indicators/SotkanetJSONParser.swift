import Foundation
import Model

/// Reads the rows of a Sotkanet REST JSON file (`/rest/1.1/json?indicator=…`) one at a time.
///
/// The file is an array of objects with the fields `indicator`, `region`, `year` (integers),
/// `gender` (`total`, `male` or `female`), and `value`, `absValue` (numbers, missing or `null`).
/// Other fields are skipped. The parser pulls bytes from an iterator and holds one row at a time,
/// so a large file can be streamed through it:
///
/// ```swift
/// var parser = SotkanetJSONParser(fileName: "data.json", content: text)
/// while let row = try parser.next() { summary.add(row) }
/// ```
///
/// It never traps on input: whatever is wrong is thrown as a ``SotkanetParseError`` that names
/// the file, the JSON path and the field (and the line and column for a syntax error). After an
/// error every further call throws the same error.
public struct SotkanetJSONParser<Bytes: IteratorProtocol<UInt8>> {
    /// The file's name, used in error messages.
    public let fileName: String
    private var scanner: JSONScanner<Bytes>
    private var state = State.beforeArray
    private var path = "$"

    private enum State {
        case beforeArray
        /// Before the row with this index (from 0), after '[' or ','.
        case beforeRow(Int)
        case afterArray
        case finished
        case failed(SotkanetParseError)
    }

    /// A parser over any source of bytes (UTF-8 text).
    public init(fileName: String, bytes: Bytes) {
        self.fileName = fileName
        self.scanner = JSONScanner(bytes: bytes)
    }

    /// The next row, or nil after the last one.
    public mutating func next() throws(SotkanetParseError) -> SotkanetRow? {
        do {
            return try step()
        } catch {
            let failure = SotkanetParseError(fileName: fileName, path: path, line: error.position.line,
                                             column: error.position.column, reason: error.reason,
                                             isSyntaxError: error.isSyntaxError)
            state = .failed(failure)
            throw failure
        }
    }

    private mutating func step() throws(JSONScanError) -> SotkanetRow? {
        while true {
            switch state {
            case .failed(let failure):
                throw JSONScanError(position: TextPosition(line: failure.line, column: failure.column),
                                    reason: failure.reason, isSyntaxError: failure.isSyntaxError)
            case .finished:
                return nil
            case .beforeArray:
                scanner.skipWhitespace()
                if scanner.current == nil { throw scanner.syntaxError("the file is empty; expected a JSON array of rows") }
                if scanner.current != UInt8(ascii: "[") {
                    let start = scanner.position
                    let token = try scanner.readToken()
                    throw JSONScanError(position: start, reason: "expected an array of rows, found \(token.shown)", isSyntaxError: false)
                }
                scanner.advance()
                scanner.skipWhitespace()
                if scanner.current == UInt8(ascii: "]") {
                    scanner.advance()
                    state = .afterArray
                } else {
                    state = .beforeRow(0)
                }
            case .beforeRow(let index):
                path = "$[\(index)]"
                scanner.skipWhitespace()
                let row = try readRow()
                path = "$[\(index)]"
                scanner.skipWhitespace()
                switch scanner.current {
                case UInt8(ascii: ","):
                    scanner.advance()
                    state = .beforeRow(index + 1)
                case UInt8(ascii: "]"):
                    scanner.advance()
                    state = .afterArray
                default:
                    throw scanner.syntaxError("expected ',' or ']' after a row, found \(scanner.shownCurrent)")
                }
                return row
            case .afterArray:
                path = "$"
                scanner.skipWhitespace()
                if scanner.current != nil {
                    throw scanner.syntaxError("unexpected \(scanner.shownCurrent) after the end of the array")
                }
                state = .finished
            }
        }
    }

    /// Reads one row object; `path` names the row.
    private mutating func readRow() throws(JSONScanError) -> SotkanetRow {
        let rowPath = path
        let rowStart = scanner.position
        if scanner.current != UInt8(ascii: "{") {
            let token = try scanner.readToken()
            throw JSONScanError(position: rowStart, reason: "expected a row object, found \(token.shown)", isSyntaxError: false)
        }
        scanner.advance()
        var fields = RowFields()
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "}") {
            scanner.advance()
        } else {
            while true {
                path = rowPath
                scanner.skipWhitespace()
                guard scanner.current == UInt8(ascii: "\"") else {
                    throw scanner.syntaxError("expected a field name in quotes, found \(scanner.shownCurrent)")
                }
                let key = try scanner.readString(keeping: true)
                path = rowPath + Self.pathComponent(key)
                scanner.skipWhitespace()
                try scanner.expect(UInt8(ascii: ":"), "':' after the field name")
                scanner.skipWhitespace()
                try readField(key, into: &fields)
                path = rowPath
                scanner.skipWhitespace()
                if scanner.current == UInt8(ascii: ",") {
                    scanner.advance()
                    continue
                }
                try scanner.expect(UInt8(ascii: "}"), "',' or '}' after a field")
                break
            }
        }
        return try fields.row(startingAt: rowStart)
    }

    /// Reads the value of `key` at the current position into `fields`; unknown fields are skipped.
    private mutating func readField(_ key: String, into fields: inout RowFields) throws(JSONScanError) {
        guard let field = RowFields.Field(rawValue: key) else {
            try scanner.skipValue()
            return
        }
        let start = scanner.position
        func invalid(_ reason: String) -> JSONScanError {
            JSONScanError(position: start, reason: reason, isSyntaxError: false)
        }
        guard !fields.seen.contains(field) else { throw invalid("the field appears more than once in the row") }
        fields.seen.insert(field)
        let token = try scanner.readToken()
        switch field {
        case .indicator, .region, .year:
            guard case .number(let text) = token, let number = Int(text) else {
                if case .number(let text) = token, !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) {
                    throw invalid("expected an integer, found \(text), which is out of range")
                }
                throw invalid("expected an integer, found \(token.shown)")
            }
            switch field {
            case .indicator: fields.indicator = number
            case .region: fields.region = number
            default: fields.year = number
            }
        case .gender:
            guard case .string(let text) = token, let gender = Gender(rawValue: text) else {
                let allowed = Gender.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw invalid("expected one of \(allowed), found \(token.shown)")
            }
            fields.gender = gender
        case .value, .absValue:
            let number: Double?
            switch token {
            case .null:
                number = nil
            case .number(let text):
                guard let parsed = Double(text), parsed.isFinite else {
                    throw invalid("expected a number, found \(text), which is out of range")
                }
                number = parsed
            default:
                throw invalid("expected a number or null, found \(token.shown)")
            }
            if field == .value { fields.value = number } else { fields.absValue = number }
        }
    }

    /// `.year` for a plain field name, `["a b"]` for anything else.
    static func pathComponent(_ key: String) -> String {
        let plain = !key.isEmpty && key.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            && !(key.first?.isNumber ?? true)
        return plain ? "." + key : "[" + JSONScanner<[UInt8].Iterator>.quoted(key) + "]"
    }
}

extension SotkanetJSONParser where Bytes == String.UTF8View.Iterator {
    /// A parser over text held in memory.
    public init(fileName: String, content: String) {
        self.init(fileName: fileName, bytes: content.utf8.makeIterator())
    }
}

extension SotkanetJSONParser where Bytes == Data.Iterator {
    /// A parser over bytes held in memory.
    public init(fileName: String, data: Data) {
        self.init(fileName: fileName, bytes: data.makeIterator())
    }
}

/// The fields of one row as they are read, before the row is complete.
private struct RowFields {
    enum Field: String, CaseIterable {
        case indicator, region, year, gender, value, absValue
    }

    var seen: Set<Field> = []
    var indicator: Int?
    var region: Int?
    var year: Int?
    var gender: Gender?
    var value: Double?
    var absValue: Double?

    /// The complete row, or an error naming the first required field that is missing.
    func row(startingAt position: TextPosition) throws(JSONScanError) -> SotkanetRow {
        guard let indicator, let region, let year, let gender else {
            let missing = [Field.indicator, .region, .year, .gender].first { !seen.contains($0) } ?? .indicator
            throw JSONScanError(position: position, reason: "the required field '\(missing.rawValue)' is missing",
                                isSyntaxError: false)
        }
        return SotkanetRow(indicator: indicator, region: region, year: year, gender: gender, value: value, absValue: absValue)
    }
}
