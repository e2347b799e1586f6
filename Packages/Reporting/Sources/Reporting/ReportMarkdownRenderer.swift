import Model

/// Renders a `ReportDocument` as Markdown: `#` headings by depth, pipe tables with a bold caption,
/// key figures and lists as bullets, charts as their title, text alternative and data table.
public struct ReportMarkdownRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The document as Markdown text ending with a line break.
    public func render(_ document: ReportDocument) -> String {
        let language = document.language
        var lines = ["# \(Self.inline(document.title))", ""]
        if let subtitle = document.subtitle { lines += [Self.inline(subtitle), ""] }
        lines += ["\(ReportTerm.generated.text(language)) \(ReportNumberFormat(language).date(document.generated))", ""]
        for section in document.sections { render(section, level: 2, language: language, into: &lines) }
        for fallback in document.fallbackLanguages { lines += ["_\(fallback.fallbackNote(in: language))_", ""] }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ section: ReportSection, level: Int, language: Language, into lines: inout [String]) {
        lines += [String(repeating: "#", count: min(level, 6)) + " " + Self.inline(section.heading.marked), ""]
        for block in section.blocks {
            switch block {
            case .paragraph(let text):
                lines += [text.marked.split(separator: "\n", omittingEmptySubsequences: false).map { Self.inline(String($0)) }
                    .joined(separator: "  \n"), ""]
            case .list(let items):
                lines += items.map { "- " + Self.inline($0.marked).replacingOccurrences(of: "\n", with: " ") } + [""]
            case .note(let text):
                lines += ["_\(Self.inline(text))_", ""]
            case .keyFigures(let figures):
                lines += figures.map { "- \(Self.inline($0.label)): **\(Self.inline($0.value.display(language)))**" } + [""]
            case .table(let table):
                self.table(table, language: language, showCaption: table.caption != section.heading.marked, into: &lines)
            case .chart(let chart):
                lines += ["**\(Self.inline(chart.title))**", "", Self.inline(chart.description), ""]
                self.table(chart.dataTable(language), language: language, into: &lines)
            }
        }
        for subsection in section.subsections { render(subsection, level: level + 1, language: language, into: &lines) }
    }

    private func table(_ table: ReportTable, language: Language, showCaption: Bool = true, into lines: inout [String]) {
        if showCaption { lines += ["**\(Self.inline(table.caption))**", ""] }
        lines.append("| " + table.columns.map(Self.cell).joined(separator: " | ") + " |")
        lines.append("|" + table.columns.indices.map { index in
            table.rows.first.map { index < $0.count && $0[index].isNumeric } == true ? "---:|" : "---|"
        }.joined())
        for row in table.rows {
            lines.append("| " + row.map { Self.cell($0.display(language)) }.joined(separator: " | ") + " |")
        }
        lines.append("")
    }

    /// Text on one line with Markdown's table and emphasis characters escaped.
    static func inline(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\", "*", "_", "`", "|", "<", ">", "[", "]": result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }

    /// A table cell: inline text with line breaks as spaces.
    static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
    }
}
