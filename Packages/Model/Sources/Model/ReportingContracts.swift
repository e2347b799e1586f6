import Foundation

/// Output formats of reports.
public enum ReportFormat: String, Codable, Sendable, CaseIterable {
    case markdown = "md"
    case csv
}

/// Output formats of the plan reports (`report.matrix`, `report.followup`, …).
public enum ReportDocumentFormat: String, Codable, Sendable, CaseIterable {
    /// Markdown text.
    case markdown = "md"
    /// CSV: `;` and a decimal comma in Finnish and Swedish, `,` and a decimal point in English.
    case csv
    /// One self-contained XHTML page with inline CSS and SVG charts.
    case html
    /// A workbook with one sheet per section and typed cells.
    case xlsx
    /// The HTML printed by a headless Chromium.
    case pdf
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

/// A request for one of the plan reports: which plan, which period or year, in which format and language.
public struct PlanReportRequest: Codable, Sendable, Hashable {
    /// The plan's id.
    public var planId: String
    /// The period, for `report.matrix` (optional: without it the matrix has no status column),
    /// `report.followup` and `report.dashboard` (required).
    public var period: ReportingPeriod?
    /// The year, for `report.annual` (required).
    public var year: Int?
    /// The output format.
    public var format: ReportDocumentFormat
    /// The language of labels; plan texts missing in it are shown in the plan's language, marked.
    public var language: Language

    /// A request.
    public init(planId: String, period: ReportingPeriod? = nil, year: Int? = nil, format: ReportDocumentFormat, language: Language) {
        self.planId = planId
        self.period = period
        self.year = year
        self.format = format
        self.language = language
    }
}

/// A rendered plan report: text formats (Markdown, CSV, HTML) as text, binary ones (XLSX, PDF) as base64.
public struct PlanReportResponse: Codable, Sendable, Hashable {
    /// How `body` holds the bytes.
    public enum BodyEncoding: String, Codable, Sendable {
        /// UTF-8 text as is.
        case text
        /// Bytes in base64.
        case base64
    }

    /// The MIME type, e.g. `text/html; charset=utf-8` or `application/pdf`.
    public var contentType: String
    /// The report, as `encoding` says.
    public var body: String
    /// Whether `body` is text or base64.
    public var encoding: BodyEncoding
    /// A file name to save it as, e.g. `loviisa-action-matrix-followup-2021H1-fi.pdf`.
    public var fileName: String

    /// A response.
    public init(contentType: String, body: String, encoding: BodyEncoding, fileName: String) {
        self.contentType = contentType
        self.body = body
        self.encoding = encoding
        self.fileName = fileName
    }
}

extension ReportingContracts {
    /// `report.matrix`: the action matrix of a plan, with the status of `period` if given.
    public struct Matrix: Contract {
        public static let service = ServiceName.reporting
        public static let operation = "report.matrix"
        public static let version = 1
        public typealias Request = PlanReportRequest
        public typealias Response = PlanReportResponse
    }

    /// `report.followup`: the follow-up report of a period; 404-style error when nothing was reported for it.
    public struct FollowUp: Contract {
        public static let service = ServiceName.reporting
        public static let operation = "report.followup"
        public static let version = 1
        public typealias Request = PlanReportRequest
        public typealias Response = PlanReportResponse
    }

    /// `report.dashboard`: the management dashboard of a period.
    public struct Dashboard: Contract {
        public static let service = ServiceName.reporting
        public static let operation = "report.dashboard"
        public static let version = 1
        public typealias Request = PlanReportRequest
        public typealias Response = PlanReportResponse
    }

    /// `report.annual`: the annual welfare report of a year.
    public struct Annual: Contract {
        public static let service = ServiceName.reporting
        public static let operation = "report.annual"
        public static let version = 1
        public typealias Request = PlanReportRequest
        public typealias Response = PlanReportResponse
    }

    /// `report.term`: the council-term welfare report over the plan's whole period.
    public struct Term: Contract {
        public static let service = ServiceName.reporting
        public static let operation = "report.term"
        public static let version = 1
        public typealias Request = PlanReportRequest
        public typealias Response = PlanReportResponse
    }

    /// `report.indicators`: the indicator overview of a plan.
    public struct Indicators: Contract {
        public static let service = ServiceName.reporting
        public static let operation = "report.indicators"
        public static let version = 1
        public typealias Request = PlanReportRequest
        public typealias Response = PlanReportResponse
    }
}
