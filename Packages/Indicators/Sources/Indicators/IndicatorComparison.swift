import Model

/// A region's value compared with a reference region's (usually the whole country).
///
/// The method and the default threshold are in `docs/indicator-rules.md`: the difference
/// counts when `|relative difference| ≥ relativeThreshold` and `|difference| ≥ absoluteThreshold`;
/// its sign and the indicator's direction give good or worrying; a neutral direction is always neutral.
public struct IndicatorComparison: Sendable, Hashable {
    /// The region's value.
    public var value: Double
    /// The reference region's value.
    public var reference: Double
    /// `value - reference`, in the indicator's unit (percentage points for a percentage).
    public var difference: Double
    /// `difference / |reference|`; nil when the reference is 0.
    public var relativeDifference: Double?
    /// The colour class.
    public var colour: IndicatorColour

    /// Compares `value` with `reference` for an indicator whose better direction is `direction`.
    public init(value: Double, reference: Double, direction: Direction, rule: IndicatorComparisonRule = .standard) {
        self.value = value
        self.reference = reference
        difference = value - reference
        relativeDifference = reference == 0 ? nil : difference / abs(reference)
        let large: Bool
        if let relativeDifference {
            // A tolerance of 1e-9 so that round-off (19.8 − 18 ≠ 1.8 exactly) cannot tip a difference equal to the threshold.
            large = abs(relativeDifference) >= rule.relativeThreshold - 1e-9 && abs(difference) >= rule.absoluteThreshold - 1e-9
        } else {
            // No relative size against a zero reference: only an absolute floor can decide.
            large = rule.absoluteThreshold > 0 && abs(difference) >= rule.absoluteThreshold
        }
        switch direction {
        case .neutral: colour = .neutral
        case _ where !large || difference == 0: colour = .neutral
        case .higherIsBetter: colour = difference > 0 ? .good : .worrying
        case .lowerIsBetter: colour = difference < 0 ? .good : .worrying
        }
    }

    /// Compares with the indicator's own rule, or `defaultRule` when it has none.
    public init(value: Double, reference: Double, indicator: IndicatorDefinition, defaultRule: IndicatorComparisonRule = .standard) {
        self.init(value: value, reference: reference, direction: indicator.direction, rule: indicator.comparisonRule ?? defaultRule)
    }
}
