import Foundation

/// Writes CSV rows: a field is quoted when it holds the separator, a quote, a line break or
/// leading or trailing spaces; quotes inside are doubled. Lines end with CRLF.
struct CSVWriter: Sendable {
    let separator: Character
    private(set) var text = ""

    init(separator: Character) {
        self.separator = separator
    }

    mutating func append(_ fields: [String]) {
        text += fields.map(quoted).joined(separator: String(separator)) + "\r\n"
    }

    func quoted(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || field.first == " " || field.last == " "
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
