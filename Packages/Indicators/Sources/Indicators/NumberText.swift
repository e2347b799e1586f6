import Foundation

/// Numbers as people and statistics offices write them.
enum NumberText {
    /// `12.5`, `12,5`, `-3`, `1 234,5` (space or no-break space between thousands), `1e3`; nil when not a number.
    /// A decimal comma is accepted only when there is no decimal point.
    static func parse(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        cleaned.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        if cleaned.contains(",") {
            guard !cleaned.contains("."), cleaned.filter({ $0 == "," }).count == 1 else { return nil }
            cleaned = cleaned.replacingOccurrences(of: ",", with: ".")
        }
        guard !cleaned.isEmpty, cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }),
              let number = Double(cleaned), number.isFinite else { return nil }
        return number
    }

    /// True for the marks of a missing value: empty, `..`, `.`, `-`, `NA`.
    static func isMissing(_ text: String) -> Bool {
        ["", "..", ".", "-", "–", "NA", "na", "null"].contains(text.trimmingCharacters(in: .whitespaces))
    }
}
