import Model
import PlanFormats

extension ReportXLSXWriter {
    /// The rows of one worksheet, built block by block.
    struct SheetBuilder {
        let language: Language
        private var rows: [String] = []
        private var widths: [Int: Int] = [:]

        init(language: Language) { self.language = language }

        mutating func blank() { rows.append("") }

        mutating func add(_ cells: [ReportCell], style: Int? = nil) {
            let rowNumber = rows.count + 1
            var xml = ""
            for (column, cell) in cells.enumerated() {
                let reference = SpreadsheetXLSXNames.name(column) + String(rowNumber)
                xml += self.cell(cell, reference: reference, forcedStyle: style)
                let length = min(60, cell.display(language).split(separator: "\n").map(\.count).max() ?? 0)
                widths[column] = max(widths[column] ?? 8, length + 2)
            }
            rows.append(xml)
        }

        mutating func addSection(_ section: ReportSection, depth: Int) {
            if depth > 0 { blank() }
            add([.content(section.heading)], style: depth == 0 ? Style.title : Style.bold)
            for block in section.blocks {
                switch block {
                case .paragraph(let text): add([.content(text)], style: Style.plain)
                case .list(let items): for item in items { add([.content(item)], style: Style.plain) }
                case .note(let text): add([.text(text, fallback: nil)], style: Style.plain)
                case .keyFigures(let figures): for figure in figures { add([.text(figure.label, fallback: nil), figure.value]) }
                case .table(let table): addTable(table)
                case .chart(let chart): addTable(chart.dataTable(language))
                }
            }
            for subsection in section.subsections { addSection(subsection, depth: depth + 1) }
        }

        private mutating func addTable(_ table: ReportTable) {
            blank()
            add([.text(table.caption, fallback: nil)], style: Style.bold)
            add(table.columns.map { .text($0, fallback: nil) }, style: Style.bold)
            for row in table.rows { add(row) }
        }

        private func cell(_ cell: ReportCell, reference: String, forcedStyle: Int?) -> String {
            func text(_ value: String, style: Int) -> String {
                #"<c r="\#(reference)" t="inlineStr" s="\#(style)"><is><t xml:space="preserve">\#(ReportMarkup.escape(value))</t></is></c>"#
            }
            func number(_ value: Double, style: Int) -> String {
                #"<c r="\#(reference)" t="n" s="\#(style)"><v>\#(Self.plain(value))</v></c>"#
            }
            switch cell {
            case .empty: return ""
            case .number(let value, let decimals, _): return number(value, style: Style.number(decimals))
            case .percent(let value, let decimals): return number(value / 100, style: Style.percent(decimals))
            case .date(let date): return number(Double(ReportXLSXWriter.serial(date)), style: Style.date)
            default: return text(cell.display(language), style: forcedStyle ?? Style.plain)
            }
        }

        /// A number in the file's locale-independent form: `89.5`, `0.895`, `3514`.
        static func plain(_ value: Double) -> String {
            guard value.isFinite else { return "0" }
            if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
            // Ten decimals hide binary noise such as 0.500000000000002 without losing shown precision.
            let rounded = abs(value) < 1e5 ? (value * 1e10).rounded() / 1e10 : value
            return "\(rounded)"
        }

        func xml() -> String {
            var out = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
            if !widths.isEmpty {
                out += "<cols>" + widths.keys.sorted().map { column in
                    #"<col min="\#(column + 1)" max="\#(column + 1)" width="\#(widths[column] ?? 10)" customWidth="1"/>"#
                }.joined() + "</cols>"
            }
            out += "<sheetData>"
            for (index, row) in rows.enumerated() where !row.isEmpty {
                out += #"<row r="\#(index + 1)">\#(row)</row>"#
            }
            return out + "</sheetData></worksheet>"
        }
    }
}
