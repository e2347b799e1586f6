/// One dimension of a JSON-stat dataset: its category codes in index order and their labels.
public struct JSONStatDimension: Sendable, Hashable {
    /// The dimension's id, e.g. `Vuosi`.
    public var id: String
    /// The dimension's label.
    public var label: String?
    /// Category codes in index order.
    public var codes: [String]
    /// Category labels by code.
    public var labels: [String: String]
    /// Category units by code (`category.unit`), with base and decimals.
    public var units: [String: JSONStatUnit]
}

/// A JSON-stat category unit: `{"base": "euroa", "decimals": 0}`.
public struct JSONStatUnit: Sendable, Hashable {
    /// The unit's name as written, e.g. `euroa`, `%`.
    public var base: String?
    /// Decimals to show.
    public var decimals: Int?

    /// A unit.
    public init(base: String?, decimals: Int?) {
        self.base = base
        self.decimals = decimals
    }
}
