import Foundation

/// Whose impacts are assessed.
public enum ImpactAssessmentKind: String, Codable, Sendable, CaseIterable, Hashable {
    case child, human, business

    /// The assessment's name in Finnish, Swedish and English.
    public var label: LocalizedText {
        switch self {
        case .child: LocalizedText(fi: "lapsivaikutusten arviointi", sv: "barnkonsekvensbedömning", en: "child impact assessment")
        case .human: LocalizedText(fi: "ihmisiin kohdistuvien vaikutusten arviointi",
                                   sv: "bedömning av konsekvenser för människor", en: "human impact assessment")
        case .business: LocalizedText(fi: "yritysvaikutusten arviointi", sv: "bedömning av konsekvenser för företag",
                                      en: "business impact assessment")
        }
    }
}
