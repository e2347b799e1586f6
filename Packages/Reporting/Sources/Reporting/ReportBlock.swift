import Model

/// One block of content.
public enum ReportBlock: Sendable, Hashable {
    /// A paragraph of text.
    case paragraph(ReportText)
    /// A bulleted list.
    case list([ReportText])
    /// Key figures shown side by side: "Toimenpiteitä 42".
    case keyFigures([ReportKeyFigure])
    /// A table.
    case table(ReportTable)
    /// A chart, always rendered with its text alternative and its data as a table.
    case chart(ReportChart)
    /// A note in small print, e.g. that a text is shown in Finnish because it has no Swedish text.
    case note(String)

    /// The languages that content texts of this block fell back to.
    var fallbackLanguages: Set<Language> {
        switch self {
        case .paragraph(let text): text.fallbackLanguages
        case .list(let texts): Set(texts.flatMap(\.fallbackLanguages))
        case .keyFigures, .note, .chart: []
        case .table(let table): Set(table.rows.flatMap { $0.flatMap(\.fallbackLanguages) })
        }
    }
}
