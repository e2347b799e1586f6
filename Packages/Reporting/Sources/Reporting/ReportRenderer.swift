import Foundation
import Model

/// A rendered report: its content type and bytes.
public struct RenderedReport: Sendable, Hashable {
    /// The MIME type, e.g. `text/html; charset=utf-8`.
    public var contentType: String
    /// The bytes; UTF-8 text for Markdown, CSV and HTML.
    public var data: Data

    /// A rendered report.
    public init(contentType: String, data: Data) {
        self.contentType = contentType
        self.data = data
    }

    /// The body as text, for the text formats.
    public var text: String? { String(data: data, encoding: .utf8) }
}

extension ReportDocument {
    /// The document in `format`. PDF needs a headless Chromium (see `ReportPDFRenderer`).
    public func render(_ format: ReportDocumentFormat, pdf: ReportPDFRenderer = ReportPDFRenderer()) throws -> RenderedReport {
        switch format {
        case .markdown:
            RenderedReport(contentType: "text/markdown; charset=utf-8", data: Data(ReportMarkdownRenderer().render(self).utf8))
        case .csv:
            RenderedReport(contentType: "text/csv; charset=utf-8", data: Data(ReportCSVRenderer().render(self).utf8))
        case .html:
            RenderedReport(contentType: "text/html; charset=utf-8", data: Data(ReportHTMLRenderer().render(self).utf8))
        case .xlsx:
            RenderedReport(contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                           data: try ReportXLSXWriter().write(self))
        case .pdf:
            RenderedReport(contentType: "application/pdf", data: try pdf.pdf(html: ReportHTMLRenderer().render(self)))
        }
    }
}

extension RenderedReport {
    /// The report as the `report.*` operations answer: text as is, XLSX and PDF in base64.
    /// `baseName` is the file name without extension, e.g. `loviisa-action-matrix-followup-2021H1-fi`.
    public func response(_ format: ReportDocumentFormat, baseName: String) -> PlanReportResponse {
        let binary = format == .xlsx || format == .pdf
        let body = binary ? data.base64EncodedString() : String(decoding: data, as: UTF8.self)
        return PlanReportResponse(contentType: contentType, body: body, encoding: binary ? .base64 : .text,
                                  fileName: "\(baseName).\(format.rawValue)")
    }
}
