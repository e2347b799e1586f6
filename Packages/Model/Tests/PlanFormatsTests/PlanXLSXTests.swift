import Foundation
import Model
import PlanFormats
import Testing

/// The tabular form as an XLSX workbook.
@Suite struct PlanXLSXTests {
    @Test(arguments: PlanTableTests.examples)
    func workbookHoldsTheSameTableAsCSV(path: String) throws {
        let document = try PlanTableTests.load(path)
        let workbook = try PlanXLSX.encode(document)
        #expect(workbook.starts(with: [0x50, 0x4B, 0x03, 0x04]))   // a ZIP archive
        let decoded = try PlanXLSX.decode(workbook, fileName: "plan.xlsx")
        #expect(PlanTable.encode(decoded) == PlanTable.encode(document))
        #expect(try PlanXLSX.encode(decoded) == workbook)
    }

    /// A workbook that LibreOffice Calc 7.4 wrote from our CSV of the Loviisa action matrix: shared
    /// strings, its own styles and cell types. It must read to the same table.
    @Test func readsAWorkbookWrittenByLibreOffice() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/loviisa-action-matrix-libreoffice.xlsx")
        let decoded = try PlanXLSX.decode(try Data(contentsOf: fixture), fileName: "libreoffice.xlsx")
        let original = try PlanTableTests.load(PlanTableTests.examples.first { $0.hasSuffix("loviisa-action-matrix.yaml") }!)
        #expect(PlanTable.encode(decoded) == PlanTable.encode(original))
    }

    @Test func refusesWhatIsNotAWorkbook() throws {
        let notZip = try #require(throws: PlanFileError.self) { try PlanXLSX.decode(Data("hello".utf8), fileName: "broken.xlsx") }
        #expect(notZip.description == "broken.xlsx: is not an XLSX workbook (it is not a ZIP archive)")
        let truncated = try PlanXLSX.encode(try PlanTableTests.load(PlanTableTests.examples[0])).prefix(2000)
        #expect(throws: PlanFileError.self) { try PlanXLSX.decode(Data(truncated), fileName: "cut.xlsx") }
    }

    @Test func errorsNameTheSpreadsheetRow() throws {
        var rows = PlanTable.rows(try PlanTableTests.load(PlanTableTests.examples[0]))
        let header = rows.firstIndex { !($0.first ?? "").hasPrefix("#") }!
        let periodColumn = rows[header].firstIndex(of: "period")!
        rows[header + 1][periodColumn] = "2021H7"
        let workbook = try SpreadsheetXLSX.write(rows: rows, sheetName: "Plan")
        let error = try #require(throws: PlanFileError.self) { try PlanXLSX.decode(workbook, fileName: "plan.xlsx") }
        #expect(error.line == header + 2)
        #expect(error.path == "period")
    }

    @Test func namesColumnsLikeSpreadsheets() {
        #expect(SpreadsheetXLSXNames.name(0) == "A")
        #expect(SpreadsheetXLSXNames.name(25) == "Z")
        #expect(SpreadsheetXLSXNames.name(26) == "AA")
        #expect(SpreadsheetXLSXNames.name(701) == "ZZ")
    }
}
