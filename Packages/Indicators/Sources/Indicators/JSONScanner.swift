/// A position in a text: line and column, both from 1.
struct TextPosition: Sendable, Hashable {
    var line = 1
    var column = 1
}

/// A failure of `JSONScanner`: the position and the reason; the parser adds file name and path.
struct JSONScanError: Error, Sendable {
    var position: TextPosition
    var reason: String
    var isSyntaxError: Bool
}

/// The start of one JSON value, as far as it is needed to read a flat row.
///
/// Scalars are read completely; an object or array is only announced, its opening bracket not
/// yet consumed, so that the caller can skip it or report it.
enum JSONToken: Sendable, Hashable {
    case string(String)
    /// The number's text exactly as written, e.g. `-12.5e3`.
    case number(String)
    case bool(Bool)
    case null
    case objectStart
    case arrayStart

    /// How the token is shown in an error message: `"20x1"`, `12.5`, `null`, `an object`.
    var shown: String {
        switch self {
        case .string(let text): JSONScanner<[UInt8].Iterator>.quoted(text)
        case .number(let text): text
        case .bool(let value): value ? "true" : "false"
        case .null: "null"
        case .objectStart: "an object"
        case .arrayStart: "an array"
        }
    }
}

/// Reads JSON lexically from a byte iterator, one byte of look-ahead, keeping line and column.
///
/// It never holds more than the token in hand, so a file of any size can be streamed through it.
struct JSONScanner<Bytes: IteratorProtocol<UInt8>> {
    private var bytes: Bytes
    /// The next byte, not yet consumed; nil at the end of the input.
    private(set) var current: UInt8?
    /// The position of `current`.
    private(set) var position = TextPosition()

    /// Longest number text accepted; real numbers are far shorter.
    static var maximumNumberLength: Int { 64 }

    init(bytes: Bytes) {
        self.bytes = bytes
        current = self.bytes.next()
        // A UTF-8 byte order mark is not part of the JSON text.
        if current == 0xEF {
            let second = self.bytes.next(), third = self.bytes.next()
            if second == 0xBB, third == 0xBF {
                current = self.bytes.next()
            } else {
                // Not a BOM: keep scanning from the first byte; the parser reports it as unexpected.
                current = 0xEF
            }
        }
    }

    /// Consumes `current`.
    mutating func advance() {
        guard let byte = current else { return }
        if byte == UInt8(ascii: "\n") {
            position.line += 1
            position.column = 1
        } else if byte & 0xC0 != 0x80 {
            // Continuation bytes of a multi-byte character do not start a new column.
            position.column += 1
        }
        current = bytes.next()
    }

    /// Skips spaces, tabs, carriage returns and line feeds.
    mutating func skipWhitespace() {
        while let byte = current,
              byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\t") {
            advance()
        }
    }

    /// Consumes `byte` or fails with "expected <what>".
    mutating func expect(_ byte: UInt8, _ what: String) throws(JSONScanError) {
        guard current == byte else { throw syntaxError("expected \(what), found \(shownCurrent)") }
        advance()
    }

    /// Reads the value that starts at `current`; an object or array is announced, not consumed.
    mutating func readToken() throws(JSONScanError) -> JSONToken {
        guard let byte = current else { throw syntaxError("unexpected end of file; expected a value") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try readString(keeping: true))
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        case UInt8(ascii: "t"): try readLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try readLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try readLiteral("null"); return .null
        case UInt8(ascii: "{"): return .objectStart
        case UInt8(ascii: "["): return .arrayStart
        default: throw syntaxError("expected a value, found \(shownCurrent)")
        }
    }

    /// Skips one complete value of any depth, without recursion and without keeping its content.
    mutating func skipValue() throws(JSONScanError) {
        var open: [UInt8] = []
        while true {
            // Here a value starts.
            skipWhitespace()
            switch current {
            case UInt8(ascii: "{"):
                advance()
                skipWhitespace()
                if current == UInt8(ascii: "}") {
                    advance()
                } else {
                    open.append(UInt8(ascii: "}"))
                    try skipKeyAndColon()
                    continue
                }
            case UInt8(ascii: "["):
                advance()
                skipWhitespace()
                if current == UInt8(ascii: "]") {
                    advance()
                } else {
                    open.append(UInt8(ascii: "]"))
                    continue
                }
            case UInt8(ascii: "\""):
                _ = try readString(keeping: false)
            default:
                _ = try readToken()
            }
            // Here a value ended: close containers or move to the next element.
            while let closer = open.last {
                skipWhitespace()
                if current == UInt8(ascii: ",") {
                    advance()
                    if closer == UInt8(ascii: "}") { try skipKeyAndColon() }
                    break
                } else if current == closer {
                    advance()
                    open.removeLast()
                } else {
                    throw syntaxError("expected ',' or '\(Character(Unicode.Scalar(closer)))', found \(shownCurrent)")
                }
            }
            if open.isEmpty { return }
        }
    }

    private mutating func skipKeyAndColon() throws(JSONScanError) {
        skipWhitespace()
        guard current == UInt8(ascii: "\"") else { throw syntaxError("expected a field name in quotes, found \(shownCurrent)") }
        _ = try readString(keeping: false)
        skipWhitespace()
        try expect(UInt8(ascii: ":"), "':' after a field name")
    }

    /// Reads a string starting at its opening quote; returns "" when `keeping` is false.
    mutating func readString(keeping: Bool) throws(JSONScanError) -> String {
        try expect(UInt8(ascii: "\""), "'\"'")
        var utf8: [UInt8] = []
        while true {
            guard let byte = current else { throw syntaxError("unexpected end of file inside a string") }
            switch byte {
            case UInt8(ascii: "\""):
                advance()
                return keeping ? String(decoding: utf8, as: UTF8.self) : ""
            case UInt8(ascii: "\\"):
                advance()
                let scalar = try readEscape()
                if keeping { utf8.append(contentsOf: String(Character(scalar)).utf8) }
            case 0..<0x20:
                throw syntaxError("a control character (\(hex(byte))) inside a string must be escaped")
            default:
                if keeping { utf8.append(byte) }
                advance()
            }
        }
    }

    private mutating func readEscape() throws(JSONScanError) -> Unicode.Scalar {
        guard let byte = current else { throw syntaxError("unexpected end of file inside a string") }
        advance()
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let unit = try readHexUnit()
            if (0xD800..<0xDC00).contains(unit) {
                // A high surrogate must be followed by an escaped low surrogate.
                guard current == UInt8(ascii: "\\") else { throw syntaxError("a lone surrogate \\u\(String(unit, radix: 16)) in a string") }
                advance()
                guard current == UInt8(ascii: "u") else { throw syntaxError("a lone surrogate \\u\(String(unit, radix: 16)) in a string") }
                advance()
                let low = try readHexUnit()
                guard (0xDC00..<0xE000).contains(low),
                      let scalar = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else {
                    throw syntaxError("an invalid surrogate pair in a string")
                }
                return scalar
            }
            guard let scalar = Unicode.Scalar(unit) else { throw syntaxError("a lone surrogate \\u\(String(unit, radix: 16)) in a string") }
            return scalar
        default:
            throw syntaxError("an invalid escape '\\\(Character(Unicode.Scalar(byte)))' in a string")
        }
    }

    private mutating func readHexUnit() throws(JSONScanError) -> UInt32 {
        var unit: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = current, let digit = Self.hexValue(byte) else {
                throw syntaxError("expected four hexadecimal digits after \\u, found \(shownCurrent)")
            }
            unit = unit << 4 | digit
            advance()
        }
        return unit
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// Reads a number as JSON's grammar allows it and returns its text.
    private mutating func readNumber() throws(JSONScanError) -> String {
        var text: [UInt8] = []
        if current == UInt8(ascii: "-") { try take(into: &text) }
        if current == UInt8(ascii: "0") {
            try take(into: &text)
            if Self.isDigit(current) { throw syntaxError("a number must not start with 0 followed by digits") }
        } else {
            try takeDigits(into: &text, after: "in a number")
        }
        if current == UInt8(ascii: ".") {
            try take(into: &text)
            try takeDigits(into: &text, after: "after the decimal point")
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            try take(into: &text)
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { try take(into: &text) }
            try takeDigits(into: &text, after: "in the exponent")
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static func isDigit(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private mutating func take(into text: inout [UInt8]) throws(JSONScanError) {
        guard let byte = current else { return }
        guard text.count < Self.maximumNumberLength else {
            throw syntaxError("a number longer than \(Self.maximumNumberLength) characters")
        }
        text.append(byte)
        advance()
    }

    private mutating func takeDigits(into text: inout [UInt8], after what: String) throws(JSONScanError) {
        guard Self.isDigit(current) else { throw syntaxError("expected a digit \(what), found \(shownCurrent)") }
        while Self.isDigit(current) { try take(into: &text) }
    }

    private mutating func readLiteral(_ literal: StaticString) throws(JSONScanError) {
        let start = position
        let expected = literal.withUTF8Buffer { Array($0) }
        for byte in expected {
            guard current == byte else {
                throw JSONScanError(position: start, reason: "expected a value, found an unknown word (did you mean \(literal)?)",
                                    isSyntaxError: true)
            }
            advance()
        }
    }

    /// A syntax error at the current position.
    func syntaxError(_ reason: String) -> JSONScanError {
        JSONScanError(position: position, reason: reason, isSyntaxError: true)
    }

    /// `current` as shown in an error message.
    var shownCurrent: String {
        guard let byte = current else { return "the end of the file" }
        if (0x21...0x7E).contains(byte) { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte == 0x20 { return "a space" }
        return byte < 0x80 ? hex(byte) : "a non-ASCII character"
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }

    /// A string as JSON would write it, shortened to about 40 characters for messages.
    static func quoted(_ text: String) -> String {
        var shown = ""
        for character in text.prefix(40) {
            switch character {
            case "\"": shown += "\\\""
            case "\\": shown += "\\\\"
            case "\n": shown += "\\n"
            case "\r": shown += "\\r"
            case "\t": shown += "\\t"
            default:
                if let ascii = character.asciiValue, ascii < 0x20 {
                    shown += "\\u00" + (ascii < 0x10 ? "0" : "") + String(ascii, radix: 16)
                } else {
                    shown.append(character)
                }
            }
        }
        return "\"" + shown + (text.count > 40 ? "…" : "") + "\""
    }
}
