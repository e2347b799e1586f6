import Model

/// A text of the plan shown in a report, with the language it was taken from when that is not
/// the report's language (then renderers mark it, e.g. `Asukasraadit. (fi)`).
public struct ReportText: Sendable, Hashable, ExpressibleByStringLiteral {
    /// The text.
    public var text: String
    /// The language the text is in, when it is not the report's language.
    public var fallback: Language?
    /// Languages of parts of `text` that are already marked inline, e.g. in a list of
    /// responsible parties `Hallinto (fi); Perusturvajohtaja`.
    public var markedParts: Set<Language>

    /// A text in the report's language.
    public init(_ text: String, fallback: Language? = nil, markedParts: Set<Language> = []) {
        self.text = text
        self.fallback = fallback
        self.markedParts = markedParts
    }

    /// Texts joined by `separator`, each marked on its own when it is a fallback.
    public static func joined(_ parts: [ReportText], separator: String) -> ReportText {
        let texts = parts.filter { !$0.text.isEmpty }
        return ReportText(texts.map(\.marked).joined(separator: separator), fallback: nil,
                          markedParts: Set(texts.flatMap { [$0.fallback].compactMap { $0 } + $0.markedParts }))
    }

    /// Every fallback language in this text, whole or in parts.
    var fallbackLanguages: Set<Language> { markedParts.union([fallback].compactMap { $0 }) }

    /// A text in the report's language.
    public init(stringLiteral value: String) { self.init(value) }

    /// `text` followed by a language marker such as ` (fi)` when it is a fallback.
    public var marked: String { fallback.map { "\(text) (\($0.rawValue))" } ?? text }
}
