import Foundation

/// A recommendation of a panel and the city's answer to it.
public struct PanelRecommendation: Codable, Sendable, Hashable, Identifiable {
    /// Unique within the panel, e.g. `r1`.
    public var id: String
    public var text: LocalizedText
    public var answer: PanelAnswer?

    public init(id: String, text: LocalizedText, answer: PanelAnswer? = nil) {
        self.id = id
        self.text = text
        self.answer = answer
    }
}

/// The city's answer to a recommendation.
public struct PanelAnswer: Codable, Sendable, Hashable {
    public var status: PanelAnswerStatus
    public var text: LocalizedText
    public var date: Date

    public init(status: PanelAnswerStatus, text: LocalizedText, date: Date) {
        self.status = status
        self.text = text
        self.date = date
    }
}
