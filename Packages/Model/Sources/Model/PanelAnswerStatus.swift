import Foundation

/// What the city decided about a recommendation.
public enum PanelAnswerStatus: String, Codable, Sendable, CaseIterable, Hashable {
    case accepted, partly, rejected
    case inProgress = "in-progress"

    /// The status word in Finnish, Swedish and English.
    public var label: LocalizedText {
        switch self {
        case .accepted: LocalizedText(fi: "hyväksytty", sv: "godkänd", en: "accepted")
        case .partly: LocalizedText(fi: "osittain hyväksytty", sv: "delvis godkänd", en: "partly accepted")
        case .rejected: LocalizedText(fi: "hylätty", sv: "avslagen", en: "rejected")
        case .inProgress: LocalizedText(fi: "valmistelussa", sv: "under beredning", en: "in progress")
        }
    }
}
