import Foundation

extension Array where Element == PlanItem {
    /// The item numbered `number` anywhere in the tree, or nil.
    public func item(numbered number: String) -> PlanItem? {
        for item in self {
            if item.number == number { return item }
            if let found = item.children.item(numbered: number) { return found }
        }
        return nil
    }

    /// Applies `change` to the item numbered `number` anywhere in the tree; false when there is none.
    @discardableResult
    public mutating func modifyItem(numbered number: String, _ change: (inout PlanItem) throws -> Void) rethrows -> Bool {
        for index in indices {
            if self[index].number == number {
                try change(&self[index])
                return true
            }
            if try self[index].children.modifyItem(numbered: number, change) { return true }
        }
        return false
    }

    /// Removes the item numbered `number` (with its children) from the tree and returns it.
    public mutating func removeItem(numbered number: String) -> PlanItem? {
        if let index = firstIndex(where: { $0.number == number }) {
            return remove(at: index)
        }
        for index in indices {
            if let removed = self[index].children.removeItem(numbered: number) { return removed }
        }
        return nil
    }
}

extension PlanItem {
    /// The item without its children: what an edit of the item itself changes.
    public var withoutChildren: PlanItem {
        var item = self
        item.children = []
        return item
    }

    /// The numbers of this item and every item below it.
    public var numbersInSubtree: [String] {
        flattened().map(\.item.number)
    }
}
