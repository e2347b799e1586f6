import Foundation

/// An area of a round.
public struct BudgetingArea: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var name: LocalizedText

    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}
