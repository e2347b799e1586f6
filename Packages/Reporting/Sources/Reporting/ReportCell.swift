import Model

/// A typed table cell. Renderers format it in the report's language; XLSX keeps numbers as
/// numbers and dates as dates.
public enum ReportCell: Sendable, Hashable {
    /// Text; `fallback` is set when the text is in another language than the report's;
    /// `markedParts` names languages of parts that are marked inline.
    case text(String, fallback: Language? = nil, markedParts: Set<Language> = [])
    /// A number with a fixed number of decimals and an optional unit ("lkm", "pv", "€").
    case number(Double, decimals: Int, unit: String? = nil)
    /// A percentage: 89.5 means 89,5 %.
    case percent(Double, decimals: Int)
    /// A calendar day.
    case date(ReportDate)
    /// An action's status, shown with its word and symbol.
    case status(ActionStatus)
    /// An indicator's colour class, shown with its word and symbol.
    case colourClass(ReportColourClass)
    /// An indicator's trend, shown with an arrow and a word.
    case trend(ReportTrend)
    /// Nothing known.
    case empty

    /// A plan text with its fallback marking.
    public static func content(_ text: ReportText) -> ReportCell {
        .text(text.text, fallback: text.fallback, markedParts: text.markedParts)
    }

    /// The languages the text fell back to, if any.
    var fallbackLanguages: Set<Language> {
        if case .text(let text, let fallback, let parts) = self { return ReportText(text, fallback: fallback, markedParts: parts).fallbackLanguages }
        return []
    }
}
