import Model

/// How far a value measure has come from its baseline towards its target.
///
/// Progress is `(current − baseline) / (target − baseline)` in per cent; the expected value in
/// the current year lies on the straight line from the baseline to the target, and a measure
/// is on track when its current value is at least as good as expected. Which way is better
/// comes from the measure's direction, or from the target's side of the baseline when the
/// direction is missing or neutral. See `docs/indicator-rules.md`.
public struct TargetAttainment: Sendable, Hashable {
    /// The state of a target.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The target value is reached (or passed), whatever the year.
        case reached
        /// Not reached, but at least as good as the linear expectation for the year.
        case onTrack = "on-track"
        /// Behind the linear expectation.
        case offTrack = "off-track"
    }

    /// Progress from baseline to target in per cent (100 = target reached; over 100 = overshoot;
    /// negative = moved the wrong way); nil when baseline and target are equal.
    public var progressPercent: Double?
    /// The value the straight line from baseline to target gives for the current year.
    public var expectedValue: Double
    /// The status.
    public var status: Status
    /// True when the current value is worse than the baseline.
    public var movingWrongWay: Bool
    /// True when the current value is beyond the target.
    public var overshoot: Bool

    /// The attainment of `target` from `baseline` given the `current` value.
    public init(baseline: YearValue, target: YearValue, current: YearValue, direction: Direction?) {
        let better: Direction
        switch direction {
        case .higherIsBetter?, .lowerIsBetter?: better = direction!
        default: better = target.value >= baseline.value ? .higherIsBetter : .lowerIsBetter
        }
        let sign: Double = better == .higherIsBetter ? 1 : -1
        /// How much better `a` is than `b`, positive when better.
        func gain(_ a: Double, over b: Double) -> Double { (a - b) * sign }

        let span = target.value - baseline.value
        progressPercent = span == 0 ? nil : (current.value - baseline.value) / span * 100
        let years = Double(target.year - baseline.year)
        let elapsed = min(max(Double(current.year - baseline.year), 0), max(years, 0))
        expectedValue = years <= 0 ? target.value : baseline.value + span * elapsed / years
        movingWrongWay = gain(current.value, over: baseline.value) < 0
        overshoot = gain(current.value, over: target.value) > 0
        if gain(current.value, over: target.value) >= 0 {
            status = .reached
        } else {
            status = gain(current.value, over: expectedValue) >= 0 ? .onTrack : .offTrack
        }
    }

    /// The attainment of a value measure; nil when it lacks a baseline or a target.
    public init?(measure: Measure, current: YearValue) {
        guard let baseline = measure.baseline, let target = measure.target else { return nil }
        self.init(baseline: baseline, target: target, current: current, direction: measure.direction)
    }
}
