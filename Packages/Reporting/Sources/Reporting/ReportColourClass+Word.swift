import Model

extension ReportColourClass {
    /// The colour class's word: hyvä / bra / good …
    func word(_ language: Language) -> String {
        switch self {
        case .good: ["hyvä", "bra", "good"][language.index]
        case .neutral: ["neutraali", "neutral", "neutral"][language.index]
        case .worrying: ["huolestuttava", "oroande", "worrying"][language.index]
        }
    }

    /// A symbol that carries the class without colour.
    var symbol: String {
        switch self {
        case .good: "▲"
        case .neutral: "■"
        case .worrying: "▼"
        }
    }
}
