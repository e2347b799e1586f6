import Foundation

/// Reads CSV records from bytes one at a time: `;` or `,` separated, `"`-quoted fields with `""`
/// for a quote, CRLF or LF line ends, a UTF-8 byte order mark ignored. Holds one record.
struct CSVRecordReader<Bytes: IteratorProtocol<UInt8>> {
    private var bytes: Bytes
    private var current: UInt8?
    /// The line the next record starts on.
    private(set) var line = 1
    /// The separator; detected from the first record unless given.
    private(set) var separator: UInt8?
    /// Longest field accepted, so that a missing closing quote cannot swallow a whole file.
    static var maximumFieldLength: Int { 65_536 }

    init(bytes: Bytes, separator: UInt8? = nil) {
        self.bytes = bytes
        self.separator = separator
        current = self.bytes.next()
        if current == 0xEF {
            // A UTF-8 byte order mark is skipped; anything else starting with 0xEF is kept.
            let second = self.bytes.next(), third = self.bytes.next()
            if second == 0xBB, third == 0xBF {
                current = self.bytes.next()
            } else {
                pending = [second, third].compactMap { $0 }
            }
        }
    }

    /// Bytes read ahead while looking for a byte order mark, delivered before the rest.
    private var pending: [UInt8] = []

    private mutating func advance() {
        if current == UInt8(ascii: "\n") { line += 1 }
        current = pending.isEmpty ? bytes.next() : pending.removeFirst()
    }

    /// The next record's fields and the line it started on; nil at the end. Blank lines are skipped.
    mutating func next() throws(CSVReadError) -> (fields: [String], line: Int)? {
        while current == UInt8(ascii: "\n") || current == UInt8(ascii: "\r") { advance() }
        guard current != nil else { return nil }
        let start = line
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            if current == UInt8(ascii: "\"") && field.isEmpty {
                advance()
                while true {
                    guard let byte = current else {
                        throw CSVReadError(line: start, reason: "a quoted field is not closed before the end of the file")
                    }
                    advance()
                    if byte == UInt8(ascii: "\"") {
                        if current == UInt8(ascii: "\"") { field.append(byte); advance() } else { break }
                    } else {
                        field.append(byte)
                    }
                    if field.count > Self.maximumFieldLength {
                        throw CSVReadError(line: start, reason: "a field longer than \(Self.maximumFieldLength) bytes (a quote not closed?)")
                    }
                }
            }
            guard let byte = current, byte != UInt8(ascii: "\n") else {
                fields.append(Self.text(field))
                advance()
                break
            }
            if byte == UInt8(ascii: "\r") { advance(); continue }
            if separator == nil, byte == UInt8(ascii: ";") || byte == UInt8(ascii: ",") {
                // The header decides: the first `;` or `,` outside quotes is the separator.
                separator = byte
            }
            if byte == separator {
                fields.append(Self.text(field))
                field.removeAll(keepingCapacity: true)
            } else {
                field.append(byte)
                if field.count > Self.maximumFieldLength {
                    throw CSVReadError(line: start, reason: "a field longer than \(Self.maximumFieldLength) bytes")
                }
            }
            advance()
        }
        return (fields, start)
    }

    private static func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespaces)
    }
}

/// A CSV text that is not well formed.
struct CSVReadError: Error {
    var line: Int
    var reason: String
}
