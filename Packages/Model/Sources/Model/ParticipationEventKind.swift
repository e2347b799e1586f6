import Foundation

/// Kinds of participation event.
public enum ParticipationEventKind: String, Codable, Sendable, CaseIterable, Hashable {
    case villageEvening = "village-evening"
    case safetyWalk = "safety-walk"
    case other

    /// The kind in Finnish, Swedish and English.
    public var label: LocalizedText {
        switch self {
        case .villageEvening: LocalizedText(fi: "kyläilta", sv: "bykväll", en: "village evening")
        case .safetyWalk: LocalizedText(fi: "turvallisuuskävely", sv: "trygghetsvandring", en: "safety walk")
        case .other: LocalizedText(fi: "muu tilaisuus", sv: "annat evenemang", en: "other event")
        }
    }
}
