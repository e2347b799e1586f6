import Foundation

/// Walks a JSON text with a path, for the streaming readers of metadata, regions and JSON-stat:
/// containers are entered member by member, and only the parts asked for are held in memory.
struct JSONReader<Bytes: IteratorProtocol<UInt8>> {
    let fileName: String
    private(set) var scanner: JSONScanner<Bytes>
    /// The path of the value being read, e.g. `$.dimension.Vuosi`.
    var path = "$"
    /// Most values accepted in one tree read into memory.
    static var maximumTreeNodes: Int { 1_000_000 }
    /// Deepest nesting accepted.
    static var maximumDepth: Int { 64 }

    init(fileName: String, bytes: Bytes) {
        self.fileName = fileName
        scanner = JSONScanner(bytes: bytes)
    }

    /// The current line, from 1.
    var line: Int { scanner.position.line }

    /// A syntax error at the current position.
    func malformed(_ reason: String) -> IndicatorParseError {
        IndicatorParseError(.malformedJSON, fileName: fileName, line: scanner.position.line, column: scanner.position.column,
                            path: path, reason: reason)
    }

    /// An error about valid JSON with a wrong value at the current path.
    func invalid(_ kind: IndicatorParseError.Kind, field: String? = nil, _ reason: String) -> IndicatorParseError {
        IndicatorParseError(kind, fileName: fileName, line: scanner.position.line, path: path, field: field, reason: reason)
    }

    private func converted(_ error: JSONScanError) -> IndicatorParseError {
        IndicatorParseError(error.isSyntaxError ? .malformedJSON : .invalidValue, fileName: fileName, line: error.position.line,
                            column: error.position.column, path: path, reason: error.reason)
    }

    /// What the next value is: `{`, `[` or a scalar; nil at the end of the input.
    mutating func peek() -> UInt8? {
        scanner.skipWhitespace()
        return scanner.current
    }

    /// Enters an object; fails when the value is not one.
    mutating func beginObject(_ what: String) throws(IndicatorParseError) {
        guard peek() == UInt8(ascii: "{") else { throw invalid(.invalidValue, "expected \(what) (an object), found \(shownNext)") }
        scanner.advance()
        first = true
    }

    /// Enters an array; fails when the value is not one.
    mutating func beginArray(_ what: String) throws(IndicatorParseError) {
        guard peek() == UInt8(ascii: "[") else { throw invalid(.invalidValue, "expected \(what) (an array), found \(shownNext)") }
        scanner.advance()
        first = true
    }

    private var first = true

    /// The next member's key of the object entered, the reader then standing at its value; nil after `}`.
    mutating func nextKey() throws(IndicatorParseError) -> String? {
        do throws(JSONScanError) {
            scanner.skipWhitespace()
            if scanner.current == UInt8(ascii: "}") { scanner.advance(); first = false; return nil }
            if !first { try scanner.expect(UInt8(ascii: ","), "',' or '}' in an object"); scanner.skipWhitespace() }
            first = false
            guard scanner.current == UInt8(ascii: "\"") else { throw scanner.syntaxError("expected a field name in quotes, found \(scanner.shownCurrent)") }
            let key = try scanner.readString(keeping: true)
            scanner.skipWhitespace()
            try scanner.expect(UInt8(ascii: ":"), "':' after a field name")
            scanner.skipWhitespace()
            return key
        } catch {
            throw converted(error)
        }
    }

    /// Whether another element follows in the array entered (the reader then stands at it); false after `]`.
    mutating func nextElement() throws(IndicatorParseError) -> Bool {
        do throws(JSONScanError) {
            scanner.skipWhitespace()
            if scanner.current == UInt8(ascii: "]") { scanner.advance(); first = false; return false }
            if !first { try scanner.expect(UInt8(ascii: ","), "',' or ']' in an array"); scanner.skipWhitespace() }
            first = false
            return true
        } catch {
            throw converted(error)
        }
    }

    /// Skips the value at the reader.
    mutating func skip() throws(IndicatorParseError) {
        do { try scanner.skipValue() } catch { throw converted(error) }
        first = false
    }

    /// Reads a scalar at the reader (a string, number, true/false or null).
    mutating func readScalar() throws(IndicatorParseError) -> JSONValue {
        scanner.skipWhitespace()
        let token: JSONToken
        do { token = try scanner.readToken() } catch { throw converted(error) }
        first = false
        switch token {
        case .string(let text): return .string(text)
        case .number(let text): return .number(text)
        case .bool(let value): return .bool(value)
        case .null: return .null
        case .objectStart, .arrayStart: throw invalid(.invalidValue, "expected a number, a string or null, found \(token.shown)")
        }
    }

    /// Reads the whole value at the reader into memory.
    mutating func readTree() throws(IndicatorParseError) -> JSONValue {
        var nodes = 0
        let tree = try readTree(depth: 0, nodes: &nodes)
        first = false
        return tree
    }

    private mutating func readTree(depth: Int, nodes: inout Int) throws(IndicatorParseError) -> JSONValue {
        nodes += 1
        guard nodes <= Self.maximumTreeNodes, depth <= Self.maximumDepth else {
            throw invalid(.unsupported, "the value is too large or too deeply nested to be read")
        }
        switch peek() {
        case UInt8(ascii: "{"):
            let outer = path
            scanner.advance()
            first = true
            var members: [(String, JSONValue)] = []
            while let key = try nextKey() {
                path = outer + SotkanetJSONParser<[UInt8].Iterator>.pathComponent(key)
                members.append((key, try readTree(depth: depth + 1, nodes: &nodes)))
                first = false
                path = outer
            }
            return .object(members)
        case UInt8(ascii: "["):
            let outer = path
            scanner.advance()
            first = true
            var items: [JSONValue] = []
            while try nextElement() {
                path = outer + "[\(items.count)]"
                items.append(try readTree(depth: depth + 1, nodes: &nodes))
                first = false
                path = outer
            }
            return .array(items)
        default:
            return try readScalar()
        }
    }

    /// Fails unless only whitespace follows.
    mutating func expectEnd() throws(IndicatorParseError) {
        path = "$"
        if peek() != nil { throw malformed("unexpected \(scanner.shownCurrent) after the end of the document") }
    }

    /// Fails on an empty input.
    mutating func expectStart(_ what: String) throws(IndicatorParseError) {
        if peek() == nil { throw malformed("the file is empty; expected \(what)") }
    }

    private var shownNext: String {
        switch scanner.current {
        case UInt8(ascii: "{"): "an object"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        case nil: "the end of the file"
        default: "a scalar value (\(scanner.shownCurrent)…)"
        }
    }
}
