import Foundation

/// How many answers gave one value, and their share of the question's answers (0–1).
public struct SurveyValueCount: Codable, Sendable, Hashable {
    /// The option id or the scale point.
    public var value: String
    public var label: LocalizedText?
    public var count: Int
    public var share: Double

    public init(value: String, label: LocalizedText? = nil, count: Int, share: Double) {
        self.value = value
        self.label = label
        self.count = count
        self.share = share
    }
}
