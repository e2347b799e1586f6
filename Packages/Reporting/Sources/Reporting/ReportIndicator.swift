import Model

/// An indicator as the reports show it: filled by the caller (e.g. from the indicators service)
/// with the area's series, the whole country's and the wellbeing county's, and the judgements.
public struct ReportIndicator: Codable, Sendable, Hashable {
    /// The indicator's id, as plan items list it (e.g. "28" or a Sotkanet id).
    public var id: String
    /// Its name.
    public var name: LocalizedText
    /// Unit: "%" for percentages (values 0–100), or "lkm", "pv", "€" …
    public var unit: String?
    /// Decimals to show.
    public var decimals: Int
    /// Whether a higher value is better.
    public var direction: Direction
    /// Source and, where known, the survey: "Kouluterveyskysely".
    public var source: LocalizedText?
    /// Category, e.g. "Lastensuojelu"; indicators without one are listed as uncategorised.
    public var category: LocalizedText?
    /// Population group, e.g. "8.–9. luokkalaiset".
    public var populationGroup: LocalizedText?
    /// The name of the area whose values these are: the municipality or the region.
    public var areaName: LocalizedText
    /// The area's values by year.
    public var values: [YearValue]
    /// The whole country's values by year (may be empty).
    public var country: [YearValue]
    /// The wellbeing services county's values by year (may be empty).
    public var county: [YearValue]
    /// The county's name for the legend; "Hyvinvointialue" when nil.
    public var countyName: LocalizedText?
    /// Good / neutral / worrying relative to the whole country.
    public var colourClass: ReportColourClass?
    /// Improving / stable / worsening.
    public var trend: ReportTrend?
    /// Numbers of the plan items that follow this indicator.
    public var linkedItems: [String]
    /// Other ids the plan names this indicator by (e.g. a Sotkanet number for a catalogue id), as
    /// the indicators service resolved them; nil when there are none.
    public var references: [String]?

    /// An indicator.
    public init(id: String, name: LocalizedText, unit: String? = nil, decimals: Int = 1, direction: Direction = .neutral,
                source: LocalizedText? = nil, category: LocalizedText? = nil, populationGroup: LocalizedText? = nil,
                areaName: LocalizedText, values: [YearValue], country: [YearValue] = [], county: [YearValue] = [],
                countyName: LocalizedText? = nil, colourClass: ReportColourClass? = nil, trend: ReportTrend? = nil,
                linkedItems: [String] = [], references: [String]? = nil) {
        self.id = id
        self.name = name
        self.unit = unit
        self.decimals = decimals
        self.direction = direction
        self.source = source
        self.category = category
        self.populationGroup = populationGroup
        self.areaName = areaName
        self.values = values
        self.country = country
        self.county = county
        self.countyName = countyName
        self.colourClass = colourClass
        self.trend = trend
        self.linkedItems = linkedItems
        self.references = references
    }

    /// The latest value of the area, with its year.
    public var latest: YearValue? { values.max { $0.year < $1.year } }

    /// The latest value of the area in or before `year`.
    func latest(upTo year: Int) -> YearValue? { values.filter { $0.year <= year }.max { $0.year < $1.year } }

    /// A value as a cell: a percentage when the unit is `%`.
    func cell(_ value: Double?) -> ReportCell {
        guard let value else { return .empty }
        return unit == "%" ? .percent(value, decimals: decimals) : .number(value, decimals: decimals, unit: unit)
    }
}
