import Model

extension ReportTrend {
    /// The trend's word: paranee / förbättras / improving …
    func word(_ language: Language) -> String {
        switch self {
        case .improving: ["paranee", "förbättras", "improving"][language.index]
        case .stable: ["ennallaan", "oförändrad", "stable"][language.index]
        case .worsening: ["heikkenee", "försämras", "worsening"][language.index]
        }
    }

    /// An arrow: ↗ improving, → stable, ↘ worsening.
    var arrow: String {
        switch self {
        case .improving: "↗"
        case .stable: "→"
        case .worsening: "↘"
        }
    }
}
