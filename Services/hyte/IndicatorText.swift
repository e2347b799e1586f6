import Foundation
import Model

/// Words and number formats of the indicator commands in Finnish, Swedish and English.
enum IndicatorText {
    /// `value` with `decimals` decimals: decimal comma and no-break-space thousands in fi/sv, point and comma in en.
    ///
    /// Written out by hand rather than with `NumberFormatter`: a formatter per number made `indicator
    /// show` over every region spend seconds formatting. Ties round to even, as the formatter did.
    static func number(_ value: Double, decimals: Int, language: Language, signed: Bool = false) -> String {
        let places = max(0, min(decimals, 10))
        guard value.isFinite else { return "–" }
        let digits = String(format: "%.\(places)f", abs(value))
        let zero = Double(digits) == 0
        let parts = digits.split(separator: ".", maxSplits: 1)
        var integer = String(parts[0])
        if abs(value) >= 10_000 || language == .en, integer.count > 3 {
            let separator: Character = language == .en ? "," : "\u{00A0}"
            var grouped = ""
            for (index, character) in integer.enumerated() {
                if index > 0, (integer.count - index) % 3 == 0 { grouped.append(separator) }
                grouped.append(character)
            }
            integer = grouped
        }
        let text = parts.count > 1 ? integer + (language == .en ? "." : ",") + parts[1] : integer
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
