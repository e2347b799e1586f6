import Foundation
import Model

/// Words and number formats of the indicator commands in Finnish, Swedish and English.
enum IndicatorText {
    /// `value` with `decimals` decimals: decimal comma and no-break-space thousands in fi/sv, point and comma in en.
    static func number(_ value: Double, decimals: Int, language: Language, signed: Bool = false) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: language == .en ? "en_US" : language == .sv ? "sv_FI" : "fi_FI")
        formatter.minimumFractionDigits = max(0, decimals)
        formatter.maximumFractionDigits = max(0, decimals)
        formatter.usesGroupingSeparator = abs(value) >= 10_000 || language == .en
        let text = (formatter.string(from: NSNumber(value: abs(value))) ?? String(abs(value)))
            .replacingOccurrences(of: "\u{202F}", with: "\u{00A0}")
        let zero = Double(formatter.string(from: NSNumber(value: abs(value)))?.replacingOccurrences(of: ",", with: ".") ?? "") == 0
        if value < 0 && !zero { return "−" + text }
        return signed && value > 0 ? "+" + text : text
    }

    /// A value with its unit symbol, e.g. `17,1 %`.
    static func value(_ value: Double?, unit: IndicatorUnit?, decimals: Int, language: Language) -> String {
        guard let value else { return "–" }
        let text = number(value, decimals: decimals, language: language)
        let symbol = unit?.symbol ?? ""
        return symbol.isEmpty ? text : "\(text) \(symbol)"
    }

    /// The unit of a difference: percentage points for a percentage.
    static func differenceUnit(_ unit: IndicatorUnit, language: Language) -> String {
        guard unit == .percent else { return unit.symbol }
        switch language {
        case .fi: return "%-yks."
        case .sv: return "procentenheter"
        case .en: return "percentage points"
        }
    }

    static func colour(_ colour: String, language: Language) -> String {
        switch (colour, language) {
        case ("good", .fi): "hyvä"
        case ("good", .sv): "bra"
        case ("good", .en): "good"
        case ("worrying", .fi): "huolestuttava"
        case ("worrying", .sv): "oroande"
        case ("worrying", .en): "worrying"
        case (_, .fi): "neutraali"
        case (_, .sv): "neutral"
        case (_, .en): "neutral"
        }
    }

    static func trend(_ assessment: String, language: Language) -> String {
        switch (assessment, language) {
        case ("improving", .fi): "paranee"
        case ("improving", .sv): "förbättras"
        case ("improving", .en): "improving"
        case ("worsening", .fi): "heikkenee"
        case ("worsening", .sv): "försämras"
        case ("worsening", .en): "worsening"
        case (_, .fi): "ennallaan"
        case (_, .sv): "oförändrad"
        case (_, .en): "stable"
        }
    }

    static func direction(_ direction: Direction, language: Language) -> String {
        switch (direction, language) {
        case (.higherIsBetter, .fi): "suurempi parempi"
        case (.higherIsBetter, .sv): "högre är bättre"
        case (.higherIsBetter, .en): "higher is better"
        case (.lowerIsBetter, .fi): "pienempi parempi"
        case (.lowerIsBetter, .sv): "lägre är bättre"
        case (.lowerIsBetter, .en): "lower is better"
        case (_, .fi): "neutraali"
        case (_, .sv): "neutral"
        case (_, .en): "neutral"
        }
    }

    /// Words by language: (fi, sv, en).
    static func word(_ fi: String, _ sv: String, _ en: String, _ language: Language) -> String {
        switch language {
        case .fi: fi
        case .sv: sv
        case .en: en
        }
    }

    /// A text in `language`, falling back to another language or `fallback`.
    static func text(_ text: LocalizedText?, _ language: Language, fallback: String) -> String {
        text?.resolved(language)?.text ?? fallback
    }

    /// A sparkline of the values, one block per point (`▁▂▃▄▅▆▇█`); a missing value is a space.
    static func sparkline(_ values: [Double?]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return "" }
        return String(values.map { value in
            guard let value else { return " " }
            guard high > low else { return blocks[3] }
            return blocks[min(blocks.count - 1, Int((value - low) / (high - low) * Double(blocks.count - 1) + 0.5))]
        })
    }
}
