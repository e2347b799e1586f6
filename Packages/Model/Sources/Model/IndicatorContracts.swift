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
