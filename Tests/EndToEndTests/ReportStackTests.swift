import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// Plan reports through the running stack: import the example organisations and the
/// Perusturvakeskus plan, then `hyte report followup` as Markdown, XLSX, HTML and PDF, and the
/// errors for an unknown plan and a period without status reports.
@Suite(.serialized) struct ReportStackTests {
    static let plan = "loviisa-perusturvakeskus-2021"

    @Test func followUpReportInEveryFormatAndTheErrors() async throws {
        let directory = try temporaryDirectory()
        let environment = ["HYTE_BUS": "tcp://127.0.0.1:\(freePort())", "HYTE_DATA_DIR": directory,
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_DATABASE_URL": ""]
        defer { _ = try? runTool("hyte", ["down"], environment: environment) }
        let up = try runTool("hyte", ["up", "--timeout", "90"], environment: environment)
        try #require(up.status == 0, "hyte up failed: \(up.output) \(up.error)")
        let examples = "\(repositoryRoot)/examples"
        #expect(try runTool("hyte", ["org", "import", "\(examples)/organisations.json"], environment: environment).status == 0)
        let imported = try runTool("hyte", ["plan", "import", "\(examples)/plans/\(Self.plan).yaml"], environment: environment)
        try #require(imported.status == 0, "\(imported.error)")

        func report(_ kind: String, _ format: String, _ file: String, _ extra: [String] = ["--period", "2021H1"])
            throws -> (status: Int32, output: String, error: String) {
            try runTool("hyte", ["report", kind, "--plan", Self.plan, "--format", format, "-o", "\(directory)/\(file)"] + extra,
                        environment: environment)
        }

        let markdown = try report("followup", "md", "followup.md")
        #expect(markdown.status == 0, "\(markdown.error)")
        #expect(markdown.output.hasPrefix("\(directory)/followup.md ("), "\(markdown.output)")
        let text = try String(contentsOfFile: "\(directory)/followup.md", encoding: .utf8)
        #expect(text.hasPrefix("# Seurantaraportti"))
        #expect(text.contains("siirtynyt"))
        #expect(text.contains("käynnissä"))

        let xlsx = try report("followup", "xlsx", "followup.xlsx", ["--period", "2021H1", "--json"])
        #expect(xlsx.status == 0, "\(xlsx.error)")
        #expect(xlsx.output.contains(#""path" : "\#(directory)/followup.xlsx""#), "\(xlsx.output)")
        let workbook = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/followup.xlsx"))
        #expect(workbook.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "an XLSX is a zip")
        #expect(workbook.range(of: Data("xl/worksheets/sheet1.xml".utf8)) != nil)
        #expect(workbook.range(of: Data("xl/workbook.xml".utf8)) != nil)

        let html = try report("followup", "html", "followup.html", ["--period", "2021H1", "--lang", "sv"])
        #expect(html.status == 0, "\(html.error)")
        let page = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/followup.html"))
        let parser = XMLParser(data: page)
        #expect(parser.parse(), "the HTML is not well-formed: \(String(describing: parser.parserError))")
        #expect(String(decoding: page, as: UTF8.self).contains(#"lang="sv""#))

        let annual = try report("annual", "md", "annual.md", ["--year", "2021", "--lang", "en"])
        #expect(annual.status == 0, "\(annual.error)")
        let annualText = try String(contentsOfFile: "\(directory)/annual.md", encoding: .utf8)
        #expect(annualText.hasPrefix("# Annual welfare report"))

        let unknown = try runTool("hyte", ["report", "followup", "--plan", "no-such-plan", "--period", "2021H1", "--format", "md",
                                           "-o", "\(directory)/unknown.md"], environment: environment)
        #expect(unknown.status == 4)
        #expect(unknown.error.contains("'no-such-plan'"), "\(unknown.error)")
        #expect(FileManager.default.fileExists(atPath: "\(directory)/unknown.md") == false)

        let empty = try report("followup", "md", "empty.md", ["--period", "2021H2"])
        #expect(empty.status == 4)
        #expect(empty.error.contains("2021H2"), "\(empty.error)")
        #expect(FileManager.default.fileExists(atPath: "\(directory)/empty.md") == false)

        let pdf = try report("followup", "pdf", "followup.pdf")
        if Self.hasChromium {
            #expect(pdf.status == 0, "\(pdf.error)")
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/followup.pdf"))
            #expect(bytes.prefix(4) == Data("%PDF".utf8))
        } else {
            #expect(pdf.status == 4)
            #expect(pdf.error.contains("chromium"), "\(pdf.error)")
            #expect(FileManager.default.fileExists(atPath: "\(directory)/followup.pdf") == false)
        }
    }

    /// Whether a headless browser the PDF renderer uses is on `PATH`.
    static var hasChromium: Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        return path.split(separator: ":").contains { directory in
            ["chromium", "chromium-browser", "google-chrome"].contains { FileManager.default.isExecutableFile(atPath: "\(directory)/\($0)") }
        }
    }
}
