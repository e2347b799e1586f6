import Foundation

/// Gender as Sotkanet classifies values.
public enum Gender: String, Codable, Sendable, CaseIterable {
    case total, male, female
}

/// One row of indicator data as Sotkanet's REST API gives it.
public struct SotkanetRow: Codable, Sendable, Hashable {
    public var indicator: Int
    public var region: Int
    public var year: Int
    public var gender: Gender
    public var value: Double?
    public var absValue: Double?

    public init(indicator: Int, region: Int, year: Int, gender: Gender, value: Double?, absValue: Double?) {
        self.indicator = indicator
        self.region = region
        self.year = year
        self.gender = gender
        self.value = value
        self.absValue = absValue
    }
}

/// Indicator service operations.
public enum IndicatorContracts {
    /// The file formats the indicators service reads.
    public enum Format: String, Codable, Sendable, CaseIterable {
        /// Sotkanet REST JSON rows (`/rest/1.1/json?indicator=…`).
        case sotkanetJSON = "sotkanet-json"
        /// Sotkanet CSV rows (`indicator;region;year;gender;value;absValue`).
        case sotkanetCSV = "sotkanet-csv"
        /// Our CSV (`docs/formats/indicators-csv.md`).
        case hyteCSV = "hyte-csv"
        /// JSON-stat 2.0 (Statistics Finland PxWeb).
        case jsonStat = "json-stat"
        /// Our catalogue JSON: regions and indicator definitions.
        case catalogue
        /// Sotkanet indicator metadata (`/rest/1.1/indicators/{id}`).
        case sotkanetMetadata = "sotkanet-metadata"
        /// Sotkanet regions (`/rest/1.1/regions`).
        case sotkanetRegions = "sotkanet-regions"
        /// rOpenGov's wellbeing-county id table (`sotkanet_hyvinvointialueet.csv`).
        case sotkanetWelfareCounties = "sotkanet-welfare-counties"

        /// Whether the format carries values (the others carry catalogue or regions).
        public var carriesValues: Bool {
            switch self {
            case .sotkanetJSON, .sotkanetCSV, .hyteCSV, .jsonStat: true
            case .catalogue, .sotkanetMetadata, .sotkanetRegions, .sotkanetWelfareCounties: false
            }
        }
    }

    /// `indicator.import`: parse a file and store it — values all or nothing, or catalogue/regions.
    public struct Import: Contract {
        public static let service = ServiceName.indicators
        public static let operation = "indicator.import"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var format: Format
            /// The file's name, used in error messages.
            public var fileName: String
            /// The file's content (UTF-8), for small files; empty when `uploadId` is given.
            public var content: String
            /// An upload in storage (`indicator.upload.begin`/`indicator.upload.chunk`) holding the file: it is read
            /// chunk by chunk instead of `content`, and deleted when the import ends.
            public var uploadId: String?
            /// Values per storage batch (default 1 000).
            public var batchSize: Int?
            public init(format: Format, fileName: String, content: String, batchSize: Int? = nil) {
                self.format = format
                self.fileName = fileName
                self.content = content
                self.batchSize = batchSize
            }
            /// A request for a file uploaded to storage.
            public init(format: Format, fileName: String, uploadId: String, batchSize: Int? = nil) {
                self.format = format
                self.fileName = fileName
                self.content = ""
                self.uploadId = uploadId
                self.batchSize = batchSize
            }
            private enum CodingKeys: String, CodingKey { case format, fileName, content, uploadId, batchSize }
            public init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: CodingKeys.self)
                format = try c.decode(Format.self, forKey: .format)
                fileName = try c.decode(String.self, forKey: .fileName)
                uploadId = try c.decodeIfPresent(String.self, forKey: .uploadId)
                content = try c.decodeIfPresent(String.self, forKey: .content) ?? ""
                batchSize = try c.decodeIfPresent(Int.self, forKey: .batchSize)
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var format: Format
            /// Values read from the file (0 for a catalogue).
            public var values: Int
            /// Batches sent to storage.
            public var batches: Int
            /// Values added, changed, unchanged.
            public var valueCounts: IndicatorStorageContracts.Counts
            /// Indicator definitions added, changed, unchanged.
            public var indicatorCounts: IndicatorStorageContracts.Counts
            /// Regions added, changed, unchanged.
            public var regionCounts: IndicatorStorageContracts.Counts
            public init(format: Format, values: Int = 0, batches: Int = 0,
                        valueCounts: IndicatorStorageContracts.Counts = .init(),
                        indicatorCounts: IndicatorStorageContracts.Counts = .init(),
                        regionCounts: IndicatorStorageContracts.Counts = .init()) {
                self.format = format
                self.values = values
                self.batches = batches
                self.valueCounts = valueCounts
                self.indicatorCounts = indicatorCounts
                self.regionCounts = regionCounts
            }
        }
    }

    /// `indicator.compare`: one region's value against a reference region's in one year.
    public struct Compare: Contract {
        public static let service = ServiceName.indicators
        public static let operation = "indicator.compare"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var indicator: String
            public var region: String
            /// Default `whole-country`.
            public var reference: String
            /// Nil: the latest year both regions have.
            public var year: Int?
            public var gender: Gender
            public var group: IndicatorPopulationGroup?
            public init(indicator: String, region: String, reference: String = "whole-country", year: Int? = nil,
                        gender: Gender = .total, group: IndicatorPopulationGroup? = nil) {
                self.indicator = indicator
                self.region = region
                self.reference = reference
                self.year = year
                self.gender = gender
                self.group = group
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var indicator: IndicatorDefinition
            public var region: Region?
            public var referenceRegion: Region?
            public var regionId: String
            public var referenceId: String
            public var period: ReportingPeriod
            public var group: IndicatorPopulationGroup?
            public var value: Double
            public var referenceValue: Double
            /// `value − referenceValue` in the indicator's unit.
            public var difference: Double
            /// `difference / |referenceValue|`; nil when the reference is 0.
            public var relativeDifference: Double?
            /// `good`, `neutral` or `worrying`.
            public var colour: String
            public init(indicator: IndicatorDefinition, region: Region?, referenceRegion: Region?, regionId: String,
                        referenceId: String, period: ReportingPeriod, group: IndicatorPopulationGroup?, value: Double,
                        referenceValue: Double, difference: Double, relativeDifference: Double?, colour: String) {
                self.indicator = indicator
                self.region = region
                self.referenceRegion = referenceRegion
                self.regionId = regionId
                self.referenceId = referenceId
                self.period = period
                self.group = group
                self.value = value
                self.referenceValue = referenceValue
                self.difference = difference
                self.relativeDifference = relativeDifference
                self.colour = colour
            }
        }
    }

    /// `indicator.series`: the stored values of one indicator by region (and gender, group), with trends.
    public struct Series: Contract {
        public static let service = ServiceName.indicators
        public static let operation = "indicator.series"
        public static let version = 1
        /// The same query as storage's `indicator.values`, with regions given as the user names them
        /// (id, code, Sotkanet id, name or `whole-country`).
        public typealias Request = IndicatorStorageContracts.QueryValues.Request
        public struct Response: Codable, Sendable, Hashable {
            public var indicator: IndicatorDefinition?
            public var regions: [Region]
            public var series: [RegionSeries]
            public init(indicator: IndicatorDefinition?, regions: [Region], series: [RegionSeries]) {
                self.indicator = indicator
                self.regions = regions
                self.series = series
            }
        }
        /// One region's values for one gender and group.
        public struct RegionSeries: Codable, Sendable, Hashable {
            public var region: String
            public var gender: Gender
            public var group: IndicatorPopulationGroup?
            public var values: [IndicatorValue]
            public var trend: Trend?
            public init(region: String, gender: Gender, group: IndicatorPopulationGroup?, values: [IndicatorValue], trend: Trend?) {
                self.region = region
                self.gender = gender
                self.group = group
                self.values = values
                self.trend = trend
            }
        }
        /// The trend of a series (`docs/indicator-rules.md`).
        public struct Trend: Codable, Sendable, Hashable {
            /// `improving`, `worsening` or `stable`.
            public var assessment: String
            /// `rising`, `falling` or `flat`.
            public var movement: String
            public var slopePerYear: Double
            public var relativeSlope: Double?
            public var lastedPeriods: Int
            public var points: Int
            public init(assessment: String, movement: String, slopePerYear: Double, relativeSlope: Double?,
                        lastedPeriods: Int, points: Int) {
                self.assessment = assessment
                self.movement = movement
                self.slopePerYear = slopePerYear
                self.relativeSlope = relativeSlope
                self.lastedPeriods = lastedPeriods
                self.points = points
            }
        }
    }


    /// `indicator.inspect`: parse a data file and summarise what it holds, without storing it.
    public struct Inspect: Contract {
        public static let service = ServiceName.indicators
        public static let operation = "indicator.inspect"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var format: Format
            /// The file's name, used in error messages.
            public var fileName: String
            /// The file's content (UTF-8).
            public var content: String
            public init(format: Format, fileName: String, content: String) {
                self.format = format
                self.fileName = fileName
                self.content = content
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var rows: Int
            public var indicators: [Int]
            public var regions: [Int]
            public var years: [Int]
            public var genders: [Gender]
            /// Rows whose value is missing.
            public var missingValues: Int
            /// Per indicator and year: the lowest and highest value among the regions.
            public var ranges: [ValueRange]
            public init(rows: Int, indicators: [Int], regions: [Int], years: [Int], genders: [Gender],
                        missingValues: Int, ranges: [ValueRange]) {
                self.rows = rows
                self.indicators = indicators
                self.regions = regions
                self.years = years
                self.genders = genders
                self.missingValues = missingValues
                self.ranges = ranges
            }
        }
        public struct ValueRange: Codable, Sendable, Hashable {
            public var indicator: Int
            public var year: Int
            public var min: Double
            public var max: Double
            public var minRegion: Int
            public var maxRegion: Int
            public init(indicator: Int, year: Int, min: Double, max: Double, minRegion: Int, maxRegion: Int) {
                self.indicator = indicator
                self.year = year
                self.min = min
                self.max = max
                self.minRegion = minRegion
                self.maxRegion = maxRegion
            }
        }
    }
}
