import Foundation

/// Operations the reporting service asks the indicators service for: the indicator data a plan
/// report shows. See `docs/protocol/reporting.md` ("Indicator data for reports").
public enum ReportIndicatorContracts {
    /// How an indicator's latest value compares with the whole country (the regional plan's colours).
    public enum ColourClass: String, Codable, Sendable, CaseIterable {
        /// Better than the whole country (hyvä).
        case good
        /// About the same as the whole country (neutraali).
        case neutral
        /// Worse than the whole country (huolestuttava).
        case worrying
    }

    /// Where an indicator is heading, judged by its direction (higher or lower is better).
    public enum Trend: String, Codable, Sendable, CaseIterable {
        /// Moving the good way (paranee).
        case improving
        /// Not changing much (ennallaan).
        case stable
        /// Moving the bad way (heikkenee).
        case worsening
    }

    /// Which part an area plays in a report: the plan's own area, or one it is compared with.
    public enum SeriesRole: String, Codable, Sendable, CaseIterable {
        /// The plan's municipality or region.
        case area
        /// The wellbeing services county the area belongs to.
        case wellbeingCounty = "wellbeing-county"
        /// The whole country.
        case wholeCountry = "whole-country"
        /// Any other reference region the request named.
        case reference
    }

    /// The indicator ids one plan item follows (its `indicators` field).
    public struct ItemIndicators: Codable, Sendable, Hashable {
        /// The item's number, e.g. `"1.2"`.
        public var item: String
        /// Indicator ids as the item lists them, e.g. `["28", "sotkanet-186"]`.
        public var indicators: [String]

        public init(item: String, indicators: [String]) {
            self.item = item
            self.indicators = indicators
        }
    }

    /// The values of one indicator in one area.
    public struct RegionSeries: Codable, Sendable, Hashable {
        /// The region's id in the indicators service's region table, e.g. `"loviisa"` or `"whole-country"`.
        public var regionId: String
        /// The region's name for table headings and chart legends.
        public var name: LocalizedText
        /// The part the region plays.
        public var role: SeriesRole
        /// Values by year (total population, or the indicator's first population group), ascending by year.
        public var values: [YearValue]

        public init(regionId: String, name: LocalizedText, role: SeriesRole, values: [YearValue]) {
            self.regionId = regionId
            self.name = name
            self.role = role
            self.values = values
        }
    }

    /// One indicator with its series and the judgements the indicators service computed.
    public struct IndicatorData: Codable, Sendable, Hashable {
        /// The indicator as the catalogue defines it (name, unit, decimals, direction, source, category …).
        public var definition: IndicatorDefinition
        /// The population group the values describe, e.g. "8.–9. luokkalaiset"; nil for the whole population.
        public var populationGroup: LocalizedText?
        /// One series per region: exactly one with role `area`, then the reference regions that have values.
        public var series: [RegionSeries]
        /// The area's latest value (up to the requested year) against the whole country; nil when either is missing.
        public var colourClass: ColourClass?
        /// The area's trend over the years up to the requested year; nil with fewer than two values.
        public var trend: Trend?
        /// Numbers of the plan items that follow this indicator (from the request's `items`), sorted.
        public var linkedItems: [String]
        /// The other ids the request named this indicator by (e.g. `"186"` for a definition whose
        /// Sotkanet id is 186), sorted; nil when the request used only the definition's id.
        public var references: [String]?

        public init(definition: IndicatorDefinition, populationGroup: LocalizedText? = nil, series: [RegionSeries],
                    colourClass: ColourClass? = nil, trend: Trend? = nil, linkedItems: [String] = [], references: [String]? = nil) {
            self.definition = definition
            self.populationGroup = populationGroup
            self.series = series
            self.colourClass = colourClass
            self.trend = trend
            self.linkedItems = linkedItems
            self.references = references
        }
    }

    /// Sentences on how things developed, written by the indicators service from the data
    /// (e.g. "Nuorisotyöttömyys väheni 2019–2021 (14,1 % → 10,9 %)"), or entered by the coordinator.
    public struct Developments: Codable, Sendable, Hashable {
        /// Positive developments.
        public var positive: [LocalizedText]
        /// Negative developments.
        public var negative: [LocalizedText]

        public init(positive: [LocalizedText] = [], negative: [LocalizedText] = []) {
            self.positive = positive
            self.negative = negative
        }
    }

    /// `indicator.report-data`: the indicators of a plan with the area's series, the reference
    /// regions' series, colour class, trend and linked items, plus development sentences, for
    /// one year (values up to and including it) or, without a year, every year there is.
    ///
    /// Errors: `400` for a malformed request; `404 not_found` only when `area` is not a known
    /// region. Indicators without values are left out; no indicator at all is a `200` with an
    /// empty list (the reports say there is no indicator data).
    public struct ReportData: Contract {
        public static let service = ServiceName.indicators
        public static let operation = "indicator.report-data"
        public static let version = 1

        public struct Request: Codable, Sendable, Hashable {
            /// The plan's id (for logs and for indicators linked to the plan as a whole).
            public var planId: String
            /// The report's year: values after it are left out. Nil: every year.
            public var year: Int?
            /// The plan's area: the id of the municipality or region organisation that owns the plan
            /// (e.g. `"loviisa"`, `"kymsote"`), which the indicators service maps to its region table.
            public var area: String
            /// Reference regions to compare with, by organisation or region id; `"whole-country"` is always
            /// understood. The service adds the area's wellbeing services county when it knows it.
            public var referenceRegions: [String]
            /// The plan items that list indicators, with the ids they list.
            public var items: [ItemIndicators]

            public init(planId: String, year: Int? = nil, area: String, referenceRegions: [String] = ["whole-country"],
                        items: [ItemIndicators]) {
                self.planId = planId
                self.year = year
                self.area = area
                self.referenceRegions = referenceRegions
                self.items = items
            }
        }

        public struct Response: Codable, Sendable, Hashable {
            /// The indicators that have values for the area, in the order the plan first lists them.
            public var indicators: [IndicatorData]
            /// Development sentences for the annual and term reports.
            public var developments: Developments

            public init(indicators: [IndicatorData], developments: Developments = Developments()) {
                self.indicators = indicators
                self.developments = developments
            }
        }
    }
}
