import Model

/// How the dimensions of a JSON-stat dataset become the fields of indicator values.
///
/// Each of `indicator`, `region` and `time` names a dimension id; when nil it is taken from the
/// dataset's `role` (`metric`, `geo`, `time`). A dataset without a metric dimension needs
/// `fixedIndicator`. Every other dimension with more than one category becomes part of the
/// population group id (`dimension=code`, several joined with `|`); `gender` maps a sex dimension.
public struct JSONStatMapping: Sendable, Hashable {
    /// The dimension whose categories are indicators.
    public var indicator: String?
    /// The indicator id when the dataset holds one indicator only and has no metric dimension.
    public var fixedIndicator: String?
    /// The dimension whose categories are regions.
    public var region: String?
    /// The dimension whose categories are periods (`2021`, `2021Q3`, `2021H1`).
    public var time: String?
    /// The dimension of sex, if any, with its category codes for male and female (others are total).
    public var gender: String?
    /// Category codes of the gender dimension meaning male.
    public var maleCodes: Set<String>
    /// Category codes of the gender dimension meaning female.
    public var femaleCodes: Set<String>

    /// A mapping; by default everything comes from `role`, and Statistics Finland's sex codes `1`/`2` are used.
    public init(indicator: String? = nil, fixedIndicator: String? = nil, region: String? = nil, time: String? = nil,
                gender: String? = nil, maleCodes: Set<String> = ["1", "male"], femaleCodes: Set<String> = ["2", "female"]) {
        self.indicator = indicator
        self.fixedIndicator = fixedIndicator
        self.region = region
        self.time = time
        self.gender = gender
        self.maleCodes = maleCodes
        self.femaleCodes = femaleCodes
    }
}
