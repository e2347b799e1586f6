import Foundation

/// Output formats of reports.
public enum ReportFormat: String, Codable, Sendable, CaseIterable {
    case markdown = "md"
    case csv
}

/// Reporting service operations.
public enum ReportingContracts {
    /// `report.organisations`: the organisation tree as a report, gathered from storage over the bus.
    public struct Organisations: Contract {
        public static let service = ServiceName.reporting
        public static let operation = "report.organisations"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var language: Language
            public var format: ReportFormat
            public init(language: Language, format: ReportFormat) {
                self.language = language
                self.format = format
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var contentType: String
            public var body: String
            public init(contentType: String, body: String) {
                self.contentType = contentType
                self.body = body
            }
        }
    }
}
