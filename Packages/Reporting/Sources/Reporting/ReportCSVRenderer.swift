import Model

/// Renders a `ReportDocument` as CSV: the title on the first line, then one block per table
/// (including key figures and the data of charts), each after an empty line and a heading line
/// that names the section path and the table's caption. Fields are separated by `;` with a decimal
/// comma in Finnish and Swedish, by `,` with a decimal point in English; numbers carry no
/// thousands separator and no unit; lines end with CRLF.
public struct ReportCSVRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The document as CSV text.
    public func render(_ document: ReportDocument) -> String {
        let language = document.language
        var writer = CSVWriter(separator: language == .en ? "," : ";")
        writer.append([document.title])
        if let subtitle = document.subtitle { writer.append([subtitle]) }
        writer.append(["\(ReportTerm.generated.text(language)) \(date(document.generated, language))"])
        for section in document.sections { render(section, path: [], language: language, writer: &writer) }
        if !document.fallbackLanguages.isEmpty {
            writer.append([])
            for fallback in document.fallbackLanguages { writer.append([fallback.fallbackNote(in: language)]) }
        }
        return writer.text
    }

    private func render(_ section: ReportSection, path: [String], language: Language, writer: inout CSVWriter) {
        let path = path + [section.heading.marked]
        for block in section.blocks {
            switch block {
            case .table(let table): self.table(table, path: path, language: language, writer: &writer)
            case .chart(let chart): self.table(chart.dataTable(language), path: path, language: language, writer: &writer)
            case .keyFigures(let figures):
                writer.append([])
                writer.append([path.joined(separator: " › ")])
                for figure in figures { writer.append([figure.label, field(figure.value, language)]) }
            case .paragraph, .list, .note: break
            }
        }
        for subsection in section.subsections { render(subsection, path: path, language: language, writer: &writer) }
    }

    private func table(_ table: ReportTable, path: [String], language: Language, writer: inout CSVWriter) {
        writer.append([])
        let heading = path.last == table.caption ? path : path + [table.caption]
        writer.append([heading.joined(separator: " › ")])
        writer.append(table.columns)
        for row in table.rows { writer.append(row.map { field($0, language) }) }
    }

    /// A cell as a CSV field: plain numbers with the language's decimal mark, percentages with ` %`.
    func field(_ cell: ReportCell, _ language: Language) -> String {
        let format = ReportNumberFormat(language)
        return switch cell {
        case .number(let value, let decimals, _): format.number(value, decimals: decimals, grouped: false)
        case .percent(let value, let decimals): format.number(value, decimals: decimals, grouped: false) + " %"
        case .date(let value): date(value, language)
        case .status(let status): status.label[language] ?? status.rawValue
        case .colourClass(let colourClass): colourClass.word(language)
        case .trend(let trend): trend.word(language)
        case .text, .empty: cell.display(language)
        }
    }

    private func date(_ date: ReportDate, _ language: Language) -> String {
        language == .en ? date.iso : ReportNumberFormat(language).date(date)
    }
}
