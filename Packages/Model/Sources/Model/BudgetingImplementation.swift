import Foundation

/// The implementation of a winning project.
public struct BudgetingImplementation: Codable, Sendable, Hashable {
    public var status: BudgetingImplementationStatus
    /// When the status was last set.
    public var updatedAt: Date
    public var note: LocalizedText?

    public init(status: BudgetingImplementationStatus, updatedAt: Date, note: LocalizedText? = nil) {
        self.status = status
        self.updatedAt = updatedAt
        self.note = note
    }
}
