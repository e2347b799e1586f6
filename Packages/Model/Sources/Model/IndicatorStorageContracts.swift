import Foundation

/// The `storage` service's indicator operations: catalogue, regions, an all-or-nothing value
/// import in batches, series queries and plan-item links. Only the indicators service and the
/// gateway call them; `docs/protocol/indicators.md` describes each.
public enum IndicatorStorageContracts {
    /// How many records an upsert added, changed or left as they were.
    public struct Counts: Codable, Sendable, Hashable {
        public var added: Int
        public var changed: Int
        public var unchanged: Int
        public init(added: Int = 0, changed: Int = 0, unchanged: Int = 0) {
            self.added = added
            self.changed = changed
            self.unchanged = unchanged
        }
    }

    /// `indicator.catalogue.put`: upserts regions and indicator definitions (one batch, one transaction).
    public struct PutCatalogue: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.catalogue.put"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var regions: [Region]
            public var indicators: [IndicatorDefinition]
            public init(regions: [Region] = [], indicators: [IndicatorDefinition] = []) {
                self.regions = regions
                self.indicators = indicators
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var regions: Counts
            public var indicators: Counts
            public init(regions: Counts, indicators: Counts) {
                self.regions = regions
                self.indicators = indicators
            }
        }
    }

    /// `indicator.catalogue.list`: the stored indicators (of one category when given) and every region.
    public struct ListCatalogue: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.catalogue.list"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var category: IndicatorCategory?
            public init(category: IndicatorCategory? = nil) { self.category = category }
        }
        public struct Response: Codable, Sendable, Hashable {
            /// Ordered by id (numeric ids numerically).
            public var indicators: [IndicatorDefinition]
            /// Ordered by id.
            public var regions: [Region]
            public init(indicators: [IndicatorDefinition], regions: [Region]) {
                self.indicators = indicators
                self.regions = regions
            }
        }
    }

    /// `indicator.import.begin`: opens a value import; batches are staged under the returned id.
    public struct BeginImport: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.import.begin"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            /// The file being imported (for the audit log).
            public var fileName: String
            public init(fileName: String) { self.fileName = fileName }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var importId: String
            public init(importId: String) { self.importId = importId }
        }
    }

    /// `indicator.import.batch`: stages values; nothing is visible until the commit.
    /// A key staged twice keeps the later value.
    public struct StageBatch: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.import.batch"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var importId: String
            public var values: [IndicatorValue]
            public init(importId: String, values: [IndicatorValue]) {
                self.importId = importId
                self.values = values
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            /// Values staged so far in this import.
            public var staged: Int
            public init(staged: Int) { self.staged = staged }
        }
    }

    /// `indicator.import.commit`: applies the staged values in one transaction (upsert) and
    /// closes the import; a repeated commit of the same id returns the same counts.
    public struct CommitImport: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.import.commit"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var importId: String
            public init(importId: String) { self.importId = importId }
        }
        public typealias Response = Counts
    }

    /// `indicator.import.abort`: drops the staged values; nothing is stored.
    public struct AbortImport: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.import.abort"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var importId: String
            public init(importId: String) { self.importId = importId }
        }
        public struct Response: Codable, Sendable, Hashable {
            /// Values that were dropped.
            public var dropped: Int
            public init(dropped: Int) { self.dropped = dropped }
        }
    }

    /// `indicator.values`: stored values of one indicator, ordered by region, gender, group, period.
    public struct QueryValues: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.values"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var indicator: String
            /// Nil or empty: every region.
            public var regions: [String]?
            public var fromYear: Int?
            public var toYear: Int?
            /// Nil: every gender.
            public var gender: Gender?
            /// Nil: every group (also none).
            public var group: IndicatorPopulationGroup?
            public init(indicator: String, regions: [String]? = nil, fromYear: Int? = nil, toYear: Int? = nil,
                        gender: Gender? = nil, group: IndicatorPopulationGroup? = nil) {
                self.indicator = indicator
                self.regions = regions
                self.fromYear = fromYear
                self.toYear = toYear
                self.gender = gender
                self.group = group
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var values: [IndicatorValue]
            public init(values: [IndicatorValue]) { self.values = values }
        }
    }
}
