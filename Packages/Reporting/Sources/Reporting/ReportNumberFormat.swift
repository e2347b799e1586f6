import Model

/// Formats numbers, percentages, dates, months and periods in a report's language: Finnish
/// conventions for Finnish and Swedish (15.11.2021, 89,5 %, 42 500 with a no-break space),
/// English ones for English (15 November 2021, 89.5 %, 42,500).
public struct ReportNumberFormat: Sendable, Hashable {
    /// The language whose conventions apply.
    public let language: Language

    /// The conventions of `language`.
    public init(_ language: Language) { self.language = language }

    /// The decimal mark: `,` in Finnish and Swedish, `.` in English.
    public var decimalMark: String { language == .en ? "." : "," }
    /// The thousands separator: a no-break space in Finnish and Swedish, `,` in English.
    public var thousandsSeparator: String { language == .en ? "," : "\u{00A0}" }

    /// `value` rounded to `decimals`, with the decimal mark and, when `grouped`, thousands separators.
    public func number(_ value: Double, decimals: Int, grouped: Bool = true) -> String {
        guard value.isFinite else { return "–" }
        let decimals = max(0, min(decimals, 6))
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        let negative = value < 0 && scaled > 0
        let integerPart = (scaled / scale).rounded(.down)
        let fraction = scaled - integerPart * scale
        var digits = String(format: "%.0f", integerPart)
        if grouped, digits.count > 4 || (digits.count == 4 && language == .en) {
            var groupedDigits = ""
            for (index, character) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { groupedDigits += thousandsSeparator }
                groupedDigits.append(character)
            }
            digits = groupedDigits
        }
        if decimals > 0 {
            let fractionDigits = String(format: "%.0f", fraction)
            digits += decimalMark + String(repeating: "0", count: decimals - fractionDigits.count) + fractionDigits
        }
        return (negative ? "−" : "") + digits
    }

    /// A number with its unit: `26 pv`, `42 500 €`; a `%` unit is written as a percentage.
    public func number(_ value: Double, decimals: Int, unit: String?) -> String {
        guard let unit, !unit.isEmpty else { return number(value, decimals: decimals) }
        return number(value, decimals: decimals) + "\u{00A0}" + unit
    }

    /// `89,5 %` / `89.5 %`, with a no-break space before the sign.
    public func percent(_ value: Double, decimals: Int) -> String {
        number(value, decimals: decimals) + "\u{00A0}%"
    }

    /// `15.11.2021` in Finnish and Swedish, `15 November 2021` in English.
    public func date(_ date: ReportDate) -> String {
        language == .en ? "\(date.day) \(monthName(date.month)) \(date.year)" : "\(date.day).\(date.month).\(date.year)"
    }

    /// The name of month 1–12 as it stands alone: `marraskuu`, `november`, `November`.
    public func monthName(_ month: Int) -> String {
        let names: [String] = switch language {
        case .fi: ["tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu",
                   "syyskuu", "lokakuu", "marraskuu", "joulukuu"]
        case .sv: ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
                   "november", "december"]
        case .en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                   "November", "December"]
        }
        return names.indices.contains(month - 1) ? names[month - 1] : String(month)
    }

    /// A period as people write it: `2021`; `1–6/2021` (fi, sv) or `January–June 2021` (en).
    public func period(_ period: ReportingPeriod) -> String {
        guard case .year = period.part else {
            let months = period.months
            if language == .en {
                return "\(monthName(months.lowerBound))–\(monthName(months.upperBound)) \(period.year)"
            }
            return "\(months.lowerBound)–\(months.upperBound)/\(period.year)"
        }
        return String(period.year)
    }
}
