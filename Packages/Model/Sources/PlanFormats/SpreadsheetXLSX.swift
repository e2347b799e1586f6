import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Model
import ZIPFoundation

/// A one-sheet XLSX workbook of text cells, written and read with ZIPFoundation and XML.
///
/// Written by hand because no Swift package here reads and writes SpreadsheetML; it covers what
/// plan tables need: one sheet of strings (shared or inline) and numbers, with wrapped text.
public enum SpreadsheetXLSX {
    /// A workbook with one sheet holding `rows`; the first row after the `#` rows is bold.
    public static func write(rows: [[String]], sheetName: String) throws -> Data {
        var sheet = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#
        sheet += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        let headerRow = rows.firstIndex { !($0.first ?? "").hasPrefix("#") }
        for (rowIndex, row) in rows.enumerated() {
            sheet += #"<row r="\#(rowIndex + 1)">"#
            for (columnIndex, value) in row.enumerated() where !value.isEmpty {
                let style = rowIndex == headerRow ? 2 : 1
                sheet += #"<c r="\#(columnName(columnIndex))\#(rowIndex + 1)" t="inlineStr" s="\#(style)"><is><t xml:space="preserve">"#
                sheet += escape(value) + "</t></is></c>"
            }
            sheet += "</row>"
        }
        sheet += "</sheetData></worksheet>"

        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"""
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>
            """#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="\#(package)"><Relationship Id="rId1" Type="\#(relationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="\#(main)" xmlns:r="\#(relationships)"><sheets><sheet name="\#(escape(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>"#),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="\#(package)"><Relationship Id="rId1" Type="\#(relationships)/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="\#(relationships)/styles" Target="styles.xml"/></Relationships>"#),
            ("xl/styles.xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="\#(main)"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>"#),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: Date(timeIntervalSince1970: 1_600_000_000),
                                 compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw PlanFileError(file: sheetName, message: "the workbook could not be written") }
        return data
    }

    /// The rows of the first sheet, each with its spreadsheet row number as `line`.
    public static func readFirstSheet(_ data: Data, fileName: String) throws(PlanFileError) -> [DelimitedText.Record] {
        func fail(_ message: String) -> PlanFileError { PlanFileError(file: fileName, message: message) }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw fail("is not an XLSX workbook (it is not a ZIP archive)")
        }
        func part(_ path: String) throws(PlanFileError) -> Data? {
            guard let entry = archive[path] else { return nil }
            var content = Data()
            do { _ = try archive.extract(entry, skipCRC32: false) { content.append($0) } } catch {
                throw fail("the part \(path) of the workbook is damaged: \(error)")
            }
            return content
        }
        guard let workbook = try part("xl/workbook.xml") else { throw fail("is not an XLSX workbook (xl/workbook.xml is missing)") }
        let sheets = XMLElements.collect(workbook, element: "sheet")
        guard let firstSheet = sheets.first, let relationId = firstSheet["r:id"] else { throw fail("the workbook has no sheet") }
        var sheetPath = "xl/worksheets/sheet1.xml"
        if let relations = try part("xl/_rels/workbook.xml.rels"),
           let target = XMLElements.collect(relations, element: "Relationship").first(where: { $0["Id"] == relationId })?["Target"] {
            sheetPath = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        }
        guard let sheet = try part(sheetPath) else { throw fail("the sheet \(sheetPath) is missing from the workbook") }
        let shared = try part("xl/sharedStrings.xml").map { SharedStrings.parse($0) } ?? []
        let reader = SheetReader(shared: shared)
        guard reader.parse(sheet) else { throw fail("the sheet \(sheetPath) is not well-formed XML") }
        return reader.rows.keys.sorted().map { row in
            let cells = reader.rows[row]!
            let width = (cells.keys.max() ?? -1) + 1
            return DelimitedText.Record(line: row, fields: (0..<width).map { cells[$0] ?? "" })
        }
    }

    /// `A`, `B`, … `Z`, `AA` … for a zero-based column.
    static func columnName(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// The zero-based column of a cell reference such as `AB12`.
    static func columnIndex(_ reference: String) -> Int? {
        var index = 0
        var letters = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            index = index * 26 + Int(scalar.value) - 64
            letters += 1
        }
        return letters == 0 ? nil : index - 1
    }

    static func escape(_ text: String) -> String { XMLText.escape(text) }
}

/// Spreadsheet column names, public for tests and error messages.
public enum SpreadsheetXLSXNames {
    /// `A` for 0, `Z` for 25, `AA` for 26.
    public static func name(_ index: Int) -> String { SpreadsheetXLSX.columnName(index) }
}

/// Collects the attributes of every element with a given name.
final class XMLElements: NSObject, XMLParserDelegate {
    private let name: String
    private var found: [[String: String]] = []

    private init(name: String) { self.name = name }

    static func collect(_ data: Data, element: String) -> [[String: String]] {
        let collector = XMLElements(name: element)
        let parser = XMLParser(data: data)
        parser.delegate = collector
        _ = parser.parse()
        return collector.found
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        if elementName == name || elementName.hasSuffix(":" + name) { found.append(attributes) }
    }
}

/// The shared strings table: each `<si>` is the concatenation of its `<t>` texts.
final class SharedStrings: NSObject, XMLParserDelegate {
    private var strings: [String] = []
    private var current: String?
    private var inText = false

    static func parse(_ data: Data) -> [String] {
        let reader = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        _ = parser.parse()
        return reader.strings
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch elementName {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inText = false
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText, current != nil { current! += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "t": inText = false
        case "si":
            strings.append(current ?? "")
            current = nil
        default: break
        }
    }
}

/// The cells of a worksheet: row number → column → text.
final class SheetReader: NSObject, XMLParserDelegate {
    private let shared: [String]
    private(set) var rows: [Int: [Int: String]] = [:]
    private var row = 0
    private var column = -1
    private var type = "n"
    private var text: String?
    private var collecting = false

    init(shared: [String]) { self.shared = shared }

    func parse(_ data: Data) -> Bool {
        let parser = XMLParser(data: data)
        parser.delegate = self
        return parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch elementName {
        case "row":
            row = Int(attributes["r"] ?? "") ?? row + 1
            column = -1
        case "c":
            column = attributes["r"].flatMap(SpreadsheetXLSX.columnIndex) ?? column + 1
            type = attributes["t"] ?? "n"
            text = nil
        case "v", "t":
            collecting = true
            if text == nil { text = "" }
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if collecting { text? += string }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "v", "t": collecting = false
        case "c":
            guard let raw = text else { return }
            var value = raw
            if type == "s", let index = Int(raw), shared.indices.contains(index) { value = shared[index] }
            if type == "b" { value = raw == "1" ? "TRUE" : "FALSE" }
            if type == "n", let number = Double(raw), number == number.rounded(), abs(number) < 1e15 { value = String(Int(number)) }
            if !value.isEmpty { rows[row, default: [:]][column] = value }
        default: break
        }
    }
}

/// A plan's tabular form as an XLSX workbook.
public enum PlanXLSX {
    public static func encode(_ document: PlanDocument) throws -> Data {
        try SpreadsheetXLSX.write(rows: PlanTable.rows(document), sheetName: "Plan")
    }

    public static func decode(_ data: Data, fileName: String) throws(PlanFileError) -> PlanDocument {
        try PlanTable.decode(records: SpreadsheetXLSX.readFirstSheet(data, fileName: fileName), fileName: fileName)
    }
}
