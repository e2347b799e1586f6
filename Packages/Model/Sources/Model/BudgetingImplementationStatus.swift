import Foundation

/// How far a winning project is.
public enum BudgetingImplementationStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case planned
    case inProgress = "in-progress"
    case done
    case cancelled

    /// The status word in Finnish, Swedish and English.
    public var label: LocalizedText {
        switch self {
        case .planned: LocalizedText(fi: "suunniteltu", sv: "planerad", en: "planned")
        case .inProgress: LocalizedText(fi: "käynnissä", sv: "pågår", en: "in progress")
        case .done: LocalizedText(fi: "toteutunut", sv: "genomförd", en: "done")
        case .cancelled: LocalizedText(fi: "peruttu", sv: "inställd", en: "cancelled")
        }
    }
}
