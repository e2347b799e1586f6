import Foundation
import Model

/// Values written for a reader: decimal comma in Finnish and Swedish, a point in English, the
/// unit after a space (`17,1 %`, `3 514`).
public enum IndicatorFormat {
    /// `value` with `decimals` decimals and the unit's symbol, in `language`.
    public static func value(_ value: Double, unit: IndicatorUnit, decimals: Int, language: Language) -> String {
        let number = self.number(value, decimals: decimals, language: language)
        return unit.symbol.isEmpty ? number : "\(number) \(unit.symbol)"
    }

    /// `value` with `decimals` decimals; thousands separated by a no-break space in fi/sv, a comma in en.
    public static func number(_ value: Double, decimals: Int, language: Language) -> String {
        let places = max(0, min(decimals, 6))
        let text = String(format: "%.\(places)f", abs(value))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var whole = String(parts[0])
        let separator = language == .en ? "," : "\u{00A0}"
        if whole.count > 4 || (language == .en && whole.count > 3) {
            var grouped: [String] = []
            while whole.count > 3 {
                grouped.insert(String(whole.suffix(3)), at: 0)
                whole.removeLast(3)
            }
            grouped.insert(whole, at: 0)
            whole = grouped.joined(separator: separator)
        }
        let sign = value < 0 && Double(text) != 0 ? "−" : ""
        guard parts.count == 2 else { return sign + whole }
        return sign + whole + (language == .en ? "." : ",") + parts[1]
    }
}
