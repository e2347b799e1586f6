import Foundation
import Model
import Reporting
import Testing

/// Every plan report's HTML is well-formed XHTML with `lang`, headings in order, tables with captions
/// and scoped headers, and charts as `<svg role="img">` with a title and a description.
@Suite struct ReportHTMLTests {
    static let h1 = ReportingPeriod(year: 2021, part: .half(1))

    static func documents(_ language: Language) throws -> [(String, ReportDocument)] {
        let input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", language)
        let regional = try ReportFixtures.input("kymenlaakso-children-youth-2020-2024", language)
        let indicators = ReportFixtures.sampleIndicators(linkedTo: ["1.2", "4.1"])
        let welfare = WelfareReportInputs(indicators: indicators, positive: [LocalizedText(fi: "Nuorisotyöttömyys on vähentynyt.")],
                                          negative: [LocalizedText(fi: "Lastensuojeluilmoitukset ovat lisääntyneet.")])
        return [
            ("matrix", try ActionMatrixReport(input: input, period: h1).document()),
            ("followup", try FollowUpReport(input: input, period: h1).document()),
            ("dashboard", try DashboardReport(input: input, period: h1, indicators: indicators).document()),
            ("annual", try AnnualWelfareReport(input: input, year: 2021, welfare: welfare).document()),
            ("term", try TermWelfareReport(input: input, welfare: welfare).document()),
            ("indicators", try IndicatorOverviewReport(input: regional, indicators: indicators).document()),
        ]
    }

    @Test(arguments: [Language.fi, .sv, .en])
    func everyReportIsAccessibleWellFormedXHTML(language: Language) throws {
        for (name, document) in try Self.documents(language) {
            let html = ReportHTMLRenderer().render(document)
            let structure = HTMLStructure.parse(html)
            #expect(structure.wellFormed, "\(name): \(structure.parseError ?? "")")
            #expect(structure.language == language.rawValue, "\(name)")
            #expect(structure.headingsInOrder, "\(name): \(structure.headingLevels)")
            #expect(structure.headingLevels.filter { $0 == 1 }.count == 1, "\(name)")
            #expect(structure.tables > 0, "\(name)")
            #expect(structure.tablesWithCaption == structure.tables, "\(name)")
            #expect(structure.tablesWithScopedHeaders == structure.tables, "\(name)")
            #expect(structure.svgsWithRoleImg == structure.svgs, "\(name)")
            #expect(structure.svgsWithTitleAndDescription == structure.svgs, "\(name)")
            #expect(structure.externalReferences.isEmpty, "\(name): \(structure.externalReferences)")
            #expect(!html.contains("<link") && !html.contains("<script"), "\(name)")
        }
    }

    @Test func chartsComeWithTheirDataAsATable() throws {
        let documents = try Self.documents(.fi)
        let annual = try #require(documents.first { $0.0 == "annual" }?.1)
        let html = ReportHTMLRenderer().render(annual)
        let structure = HTMLStructure.parse(html)
        #expect(structure.svgs == 4)  // status by focus area and three indicators
        #expect(html.components(separatedBy: "<caption>Kaavion tiedot: ").count - 1 == structure.svgs)
        #expect(html.contains("<th scope=\"row\">2019</th>"))
        #expect(html.contains("73,4\u{00A0}%"))
    }

    @Test func statusIsShownWithWordAndSymbolBesideItsColour() throws {
        let html = ReportHTMLRenderer().render(try FollowUpReport(input: ReportFixtures.input("loviisa-perusturvakeskus-2021", .sv),
                                                                   period: Self.h1).document())
        #expect(html.contains(#"<span class="tag status-postponed">→ uppskjuten</span>"#))
        #expect(html.contains(#"<span lang="fi" xml:lang="fi">"#))
        #expect(html.contains("(fi) = texten visas på finska, eftersom svensk text saknas."))
    }

    @Test func printsOnA4WithPageBreaksBeforeMajorSections() throws {
        let css = ReportHTMLRenderer().render(ReportDocument(title: "T", language: .fi, generated: ReportFixtures.day))
        #expect(css.contains("@page { size: A4;"))
        #expect(css.contains("section.major { break-before: page; }"))
    }
}
