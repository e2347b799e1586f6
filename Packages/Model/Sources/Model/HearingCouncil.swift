import Foundation

/// The influence bodies whose statements the city requests (vaikuttamistoimielimet).
public enum HearingCouncil: String, Codable, Sendable, CaseIterable, Hashable {
    case youth, elders, disability

    /// The council's name in Finnish, Swedish and English.
    public var label: LocalizedText {
        switch self {
        case .youth: LocalizedText(fi: "nuorisovaltuusto", sv: "ungdomsfullmäktige", en: "youth council")
        case .elders: LocalizedText(fi: "vanhusneuvosto", sv: "äldreråd", en: "elders' council")
        case .disability: LocalizedText(fi: "vammaisneuvosto", sv: "rådet för personer med funktionsnedsättning",
                                        en: "disability council")
        }
    }
}
