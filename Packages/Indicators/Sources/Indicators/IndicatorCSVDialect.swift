/// Which CSV layout ``IndicatorCSVParser`` reads.
public enum IndicatorCSVDialect: Sendable, Hashable {
    /// Our own format (`docs/formats/indicators-csv.md`): columns `indicator`, `region`, `period`,
    /// optional `gender`, `group`, `value`, `count`, `numerator`, `denominator`; `;` or `,`.
    case hyte
    /// Sotkanet's CSV rows: `indicator;region;year;gender;value;absValue`, regions as Sotkanet ids.
    case sotkanet
}
