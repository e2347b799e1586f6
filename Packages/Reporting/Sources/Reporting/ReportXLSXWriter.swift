import Foundation
import Model
import ZIPFoundation

/// Writes a `ReportDocument` as an XLSX workbook with one sheet per top-level section. Cells keep
/// their types: numbers are numbers with a number format (`#,##0.0`), percentages are fractions
/// with a percent format (`0.0 %`), dates are date serials with a date format, texts are inline strings.
public struct ReportXLSXWriter: Sendable {
    /// A writer.
    public init() {}

    /// The workbook's bytes.
    public func write(_ document: ReportDocument) throws -> Data {
        var sheets: [(name: String, xml: String)] = []
        var usedNames = Set<String>()
        let sections = document.sections.isEmpty ? [ReportSection(document.title)] : document.sections
        for section in sections {
            var sheet = SheetBuilder(language: document.language)
            sheet.add([.text(document.title, fallback: nil)], style: Style.title)
            sheet.addSection(section, depth: 0)
            if !document.fallbackLanguages.isEmpty {
                sheet.blank()
                for fallback in document.fallbackLanguages {
                    sheet.add([.text(fallback.fallbackNote(in: document.language), fallback: nil)], style: Style.plain)
                }
            }
            sheets.append((Self.sheetName(section.heading.text, used: &usedNames), sheet.xml()))
        }
        return try package(sheets: sheets, language: document.language)
    }

    /// Style indexes of `cellXfs`.
    enum Style {
        static let plain = 1, bold = 2, title = 3
        static func number(_ decimals: Int) -> Int { 4 + max(0, min(decimals, 3)) }
        static func percent(_ decimals: Int) -> Int { 8 + max(0, min(decimals, 3)) }
        static let date = 12
    }

    /// A name Excel accepts: no `[]:*?/\`, at most 31 characters, unique in the workbook.
    static func sheetName(_ text: String, used: inout Set<String>) -> String {
        var name = String(text.filter { !"[]:*?/\\".contains($0) && !$0.isNewline }.prefix(31))
            .trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        if name.isEmpty { name = "Sheet" }
        var candidate = name, counter = 2
        while used.contains(candidate.lowercased()) {
            let suffix = " (\(counter))"
            candidate = String(name.prefix(31 - suffix.count)) + suffix
            counter += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }

    /// Days since 30.12.1899, the serial Excel stores for a date.
    static func serial(_ date: ReportDate) -> Int {
        // Days from civil (Howard Hinnant's algorithm), relative to 1970-01-01, then shifted.
        let y = date.month <= 2 ? date.year - 1 : date.year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = date.month > 2 ? date.month - 3 : date.month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + date.day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468 + 25_569
    }

    private func package(sheets: [(name: String, xml: String)], language: Language) throws -> Data {
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
        let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        var contentTypes = header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        var workbook = header + #"<workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets>"#
        var workbookRelations = header + #"<Relationships xmlns="\#(packageRelationships)">"#
        var parts: [(String, String)] = []
        for (index, sheet) in sheets.enumerated() {
            let number = index + 1
            contentTypes += #"<Override PartName="/xl/worksheets/sheet\#(number).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
            workbook += #"<sheet name="\#(ReportMarkup.escape(sheet.name))" sheetId="\#(number)" r:id="rId\#(number)"/>"#
            workbookRelations += #"<Relationship Id="rId\#(number)" Type="\#(relationships)/worksheet" Target="worksheets/sheet\#(number).xml"/>"#
            parts.append(("xl/worksheets/sheet\(number).xml", sheet.xml))
        }
        workbookRelations += #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#
        parts = [
            ("[Content_Types].xml", contentTypes + "</Types>"),
            ("_rels/.rels", header + #"<Relationships xmlns="\#(packageRelationships)"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", workbook + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", workbookRelations),
            ("xl/styles.xml", styles(language: language)),
        ] + parts
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 1_600_000_000), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ReportError.cannotWrite("the XLSX workbook could not be assembled") }
        return data
    }

    private func styles(language: Language) -> String {
        let dateFormat = language == .en ? "d mmmm yyyy" : "d.m.yyyy"
        let numberFormats = ["#,##0", "#,##0.0", "#,##0.00", "#,##0.000", "0 %", "0.0 %", "0.00 %", "0.000 %", dateFormat]
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml += #"<numFmts count="\#(numberFormats.count)">"#
        for (index, code) in numberFormats.enumerated() {
            xml += #"<numFmt numFmtId="\#(164 + index)" formatCode="\#(ReportMarkup.escape(code))"/>"#
        }
        xml += "</numFmts>"
        xml += #"<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="14"/><name val="Calibri"/></font></fonts>"#
        xml += #"<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>"#
        xml += #"<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        var xfs = [#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#,
                   #"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#,
                   #"<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>"#,
                   #"<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0" applyFont="1"/>"#]
        for index in 0..<9 {
            xfs.append(#"<xf numFmtId="\#(164 + index)" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyAlignment="1"><alignment vertical="top"/></xf>"#)
        }
        xml += #"<cellXfs count="\#(xfs.count)">"# + xfs.joined() + "</cellXfs></styleSheet>"
        return xml
    }
}
