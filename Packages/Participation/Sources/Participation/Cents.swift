/// An amount of euro counted in whole cents, so that sums and comparisons with the budget are exact.
struct Cents: Sendable, Hashable, Comparable, CustomStringConvertible {
    var value: Int64

    /// The largest amount accepted: one trillion euro, far above any municipal budget.
    static let maximumEuro: Double = 1_000_000_000_000

    /// Converts euro to cents; nil when `euro` is negative, not finite, above `maximumEuro` or
    /// has fractions of a cent.
    init?(euro: Double) {
        guard euro.isFinite, euro >= 0, euro <= Self.maximumEuro else { return nil }
        let cents = (euro * 100).rounded()
        // Allow for the binary representation of decimal cents (0.1 + 0.2 style), nothing more.
        guard abs(euro * 100 - cents) < 1e-6 else { return nil }
        value = Int64(cents)
    }

    init(value: Int64) { self.value = value }

    static let zero = Cents(value: 0)

    static func < (lhs: Cents, rhs: Cents) -> Bool { lhs.value < rhs.value }
    static func + (lhs: Cents, rhs: Cents) -> Cents { Cents(value: lhs.value + rhs.value) }

    /// The amount in euro.
    var euro: Double { Double(value) / 100 }

    /// `1200 €` or `1200.50 €`.
    var description: String {
        let whole = value / 100, cents = value % 100
        return cents == 0 ? "\(whole) €" : "\(whole).\(cents < 10 ? "0" : "")\(cents) €"
    }
}
