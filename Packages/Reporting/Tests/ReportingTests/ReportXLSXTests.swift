import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model
import PlanFormats
import Reporting
import Testing
import ZIPFoundation

/// The XLSX workbook read back: one sheet per section, numbers as numbers with number formats,
/// percentages as fractions with a percent format, dates as date serials, texts as inline strings.
@Suite struct ReportXLSXTests {
    /// One cell as written: its type attribute, style index and value.
    struct Cell: Equatable {
        var type: String?
        var style: Int?
        var value: String
    }

    /// Collects the cells of a worksheet by reference.
    final class SheetCells: NSObject, XMLParserDelegate {
        var cells: [String: Cell] = [:]
        private var reference = ""
        private var current: Cell?
        private var collecting = false

        static func parse(_ data: Data) -> [String: Cell] {
            let reader = SheetCells()
            let parser = XMLParser(data: data)
            parser.delegate = reader
            _ = parser.parse()
            return reader.cells
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) {
            switch elementName {
            case "c":
                reference = attributes["r"] ?? ""
                current = Cell(type: attributes["t"], style: attributes["s"].flatMap { Int($0) }, value: "")
            case "v", "t": collecting = true
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if collecting { current?.value += string }
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            switch elementName {
            case "v", "t": collecting = false
            case "c": cells[reference] = current
            default: break
            }
        }
    }

    static func part(_ archive: Archive, _ path: String) throws -> Data {
        let entry = try #require(archive[path], "\(path) is missing")
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return data
    }

    static let document = ReportDocument(title: "Testi", language: .fi, generated: ReportDate(year: 2021, month: 11, day: 15), sections: [
        ReportSection("Luvut", blocks: [
            .table(ReportTable(caption: "Taulukko", columns: ["Nimi", "Määrä", "Osuus", "Päivä", "Tila"], rows: [
                [.text("Rivi & <yksi>"), .number(42_500.25, decimals: 1, unit: "€"), .percent(89.5, decimals: 1),
                 .date(ReportDate(year: 2021, month: 11, day: 15)), .status(.done)],
            ])),
        ]),
        ReportSection("Toinen: osio/2", blocks: [.paragraph("Teksti")]),
    ])

    @Test func cellsKeepTheirTypesAndFormats() throws {
        let data = try ReportXLSXWriter().write(Self.document)
        let archive = try Archive(data: data, accessMode: .read)
        let workbook = String(decoding: try Self.part(archive, "xl/workbook.xml"), as: UTF8.self)
        #expect(workbook.contains(#"<sheet name="Luvut" sheetId="1" r:id="rId1"/>"#))
        #expect(workbook.contains(#"<sheet name="Toinen osio2" sheetId="2" r:id="rId2"/>"#))
        let cells = SheetCells.parse(try Self.part(archive, "xl/worksheets/sheet1.xml"))
        // Row 1 title, row 2 section heading, row 3 blank, row 4 caption, row 5 header, row 6 data.
        #expect(cells["A1"] == Cell(type: "inlineStr", style: 3, value: "Testi"))
        #expect(cells["A5"] == Cell(type: "inlineStr", style: 2, value: "Nimi"))
        #expect(cells["A6"] == Cell(type: "inlineStr", style: 1, value: "Rivi & <yksi>"))
        #expect(cells["B6"] == Cell(type: "n", style: 5, value: "42500.25"))
        #expect(cells["C6"] == Cell(type: "n", style: 9, value: "0.895"))
        #expect(cells["D6"] == Cell(type: "n", style: 12, value: "44515"))
        #expect(cells["E6"] == Cell(type: "inlineStr", style: 1, value: "● toteutunut"))
        let styles = String(decoding: try Self.part(archive, "xl/styles.xml"), as: UTF8.self)
        #expect(styles.contains(##"<numFmt numFmtId="165" formatCode="#,##0.0"/>"##))
        #expect(styles.contains(#"<numFmt numFmtId="169" formatCode="0.0 %"/>"#))
        #expect(styles.contains(#"<numFmt numFmtId="172" formatCode="d.m.yyyy"/>"#))
    }

    @Test func aFollowUpReportHasOneSheetPerSection() throws {
        let input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", .sv)
        let document = try FollowUpReport(input: input, period: ReportingPeriod(year: 2021, part: .half(1))).document()
        let archive = try Archive(data: try ReportXLSXWriter().write(document), accessMode: .read)
        let sheets = archive.map(\.path).filter { $0.hasPrefix("xl/worksheets/") }
        #expect(sheets.count == document.sections.count)
        #expect(document.sections.count == 8)  // six themes, the summary and the missing reports
        let summary = SheetCells.parse(try Self.part(archive, "xl/worksheets/sheet7.xml"))
        let numberCells = summary.values.filter { $0.type == "n" }
        #expect(!numberCells.isEmpty)
        #expect(summary.values.contains { $0.value == "Sammanfattning av läget" })
    }

    @Test func theWorkbookReadsBackWithThePlanFormatsReader() throws {
        let records = try SpreadsheetXLSX.readFirstSheet(try ReportXLSXWriter().write(Self.document), fileName: "report.xlsx")
        #expect(records.map(\.line) == [1, 2, 4, 5, 6])
        #expect(records.last?.fields == ["Rivi & <yksi>", "42500.25", "0.895", "44515", "● toteutunut"])
    }
}
