import Model

extension ReportCell {
    /// The cell as people read it in `language`: formatted numbers with units, status with its
    /// symbol and word, fallback texts marked with their language.
    public func display(_ language: Language) -> String {
        let format = ReportNumberFormat(language)
        return switch self {
        case .text(let text, let fallback, _): ReportText(text, fallback: fallback).marked
        case .number(let value, let decimals, let unit): format.number(value, decimals: decimals, unit: unit)
        case .percent(let value, let decimals): format.percent(value, decimals: decimals)
        case .date(let date): format.date(date)
        case .status(let status): "\(status.symbol) \(status.label[language] ?? status.rawValue)"
        case .colourClass(let colourClass): "\(colourClass.symbol) \(colourClass.word(language))"
        case .trend(let trend): "\(trend.arrow) \(trend.word(language))"
        case .empty: ""
        }
    }

    /// Whether the cell holds a number (right-aligned in tables).
    var isNumeric: Bool {
        switch self {
        case .number, .percent: true
        default: false
        }
    }

    /// The CSS class that colours the cell, if any: `status-done`, `cc-worrying`, `trend-improving`.
    var tone: String? {
        switch self {
        case .status(let status): "status-\(status.rawValue)"
        case .colourClass(let colourClass): "cc-\(colourClass.rawValue)"
        case .trend(let trend): "trend-\(trend.rawValue)"
        default: nil
        }
    }
}
