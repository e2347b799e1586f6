import Foundation
import Model
import Reporting
import Testing

/// PDF printing through a headless Chromium, and the error that says how to install one.
@Suite struct ReportPDFTests {
    @Test func withoutABrowserTheErrorSaysToInstallChromium() {
        let renderer = ReportPDFRenderer(searchPath: ["/nonexistent"])
        #expect(renderer.browser() == nil)
        #expect(throws: ReportError.browserMissing) { try renderer.pdf(html: "<html/>") }
        #expect(ReportError.browserMissing.description.contains("install Debian's `chromium` package"))
    }

    @Test(.enabled(if: ReportPDFRenderer().browser() != nil, "needs chromium on PATH"))
    func printsTheHTMLReportAsPDF() throws {
        let input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", .fi)
        let document = try FollowUpReport(input: input, period: ReportingPeriod(year: 2021, part: .half(1))).document()
        let rendered = try document.render(.pdf)
        #expect(rendered.contentType == "application/pdf")
        #expect(rendered.data.prefix(5) == Data("%PDF-".utf8))
        #expect(rendered.data.count > 10_000)
    }
}
