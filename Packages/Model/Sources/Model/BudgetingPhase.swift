import Foundation

/// The phases of a round, in order.
public enum BudgetingPhase: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    case proposals, screening, voting, results, implementation

    /// Phases are ordered as a round goes through them.
    public static func < (lhs: BudgetingPhase, rhs: BudgetingPhase) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// The phase name in Finnish, Swedish and English.
    public var label: LocalizedText {
        switch self {
        case .proposals: LocalizedText(fi: "ehdotusvaihe", sv: "förslagsfas", en: "proposals")
        case .screening: LocalizedText(fi: "ehdotusten arviointi", sv: "granskning av förslag", en: "screening")
        case .voting: LocalizedText(fi: "äänestys", sv: "omröstning", en: "voting")
        case .results: LocalizedText(fi: "tulokset", sv: "resultat", en: "results")
        case .implementation: LocalizedText(fi: "toteutus", sv: "genomförande", en: "implementation")
        }
    }
}
