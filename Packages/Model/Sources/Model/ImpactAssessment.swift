import Foundation

/// An impact assessment made before a decision (e.g. lapsivaikutusten arviointi, EVA).
public struct ImpactAssessment: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var kinds: [ImpactAssessmentKind]
    /// The decision being prepared, e.g. "Kouluverkkoselvitys 2026".
    public var decision: LocalizedText
    public var date: Date
    /// Who was heard: councils, residents' groups, units.
    public var heard: [String]
    /// The assessed effects.
    public var effects: LocalizedText
    public var conclusion: LocalizedText

    public init(id: String, kinds: [ImpactAssessmentKind], decision: LocalizedText, date: Date, heard: [String] = [],
                effects: LocalizedText, conclusion: LocalizedText) {
        self.id = id
        self.kinds = kinds
        self.decision = decision
        self.date = date
        self.heard = heard
        self.effects = effects
        self.conclusion = conclusion
    }
}
