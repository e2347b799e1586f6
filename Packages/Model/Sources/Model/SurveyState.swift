import Foundation

/// The life of a survey: drafted, open for answers, closed.
public enum SurveyState: String, Codable, Sendable, CaseIterable, Hashable {
    case draft, open, closed

    /// The state word in Finnish, Swedish and English.
    public var label: LocalizedText {
        switch self {
        case .draft: LocalizedText(fi: "luonnos", sv: "utkast", en: "draft")
        case .open: LocalizedText(fi: "avoinna", sv: "öppen", en: "open")
        case .closed: LocalizedText(fi: "suljettu", sv: "stängd", en: "closed")
        }
    }
}
