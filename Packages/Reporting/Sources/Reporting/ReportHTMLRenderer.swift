import Model

/// Renders a `ReportDocument` as one self-contained, print-friendly XHTML page: inline CSS and
/// inline SVG charts, no external requests; `lang` on `<html>`, headings in order, every table with
/// a caption and `scope`d headers, every chart an `<svg role="img">` with a title, a description and
/// its data table. The output is well-formed XML.
public struct ReportHTMLRenderer: Sendable {
    /// A renderer.
    public init() {}

    /// The page as UTF-8 text.
    public func render(_ document: ReportDocument) -> String {
        var state = State(language: document.language, breaksPages: document.breaksPages)
        let language = document.language.rawValue
        var out = "<!DOCTYPE html>\n"
        out += #"<html xmlns="http://www.w3.org/1999/xhtml" lang="\#(language)" xml:lang="\#(language)">"# + "\n"
        out += #"<head><meta charset="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>"#
        out += "<title>\(ReportMarkup.escape(document.title))</title><style>\(Self.css)</style></head>\n<body>\n"
        out += "<header><h1>\(ReportMarkup.escape(document.title))</h1>"
        if let subtitle = document.subtitle { out += #"<p class="subtitle">\#(ReportMarkup.escape(subtitle))</p>"# }
        let generated = "\(ReportTerm.generated.text(document.language)) \(ReportNumberFormat(document.language).date(document.generated))"
        out += #"<p class="generated">\#(ReportMarkup.escape(generated))</p>"#
        out += "</header>\n<main>\n"
        for section in document.sections { out += render(section, level: 2, state: &state) }
        out += "</main>\n"
        if !document.fallbackLanguages.isEmpty {
            out += #"<footer><p class="note">"#
            out += document.fallbackLanguages.map { ReportMarkup.escape($0.fallbackNote(in: document.language)) }.joined(separator: "<br/>")
            out += "</p></footer>\n"
        }
        out += "</body>\n</html>\n"
        return out
    }

    private struct State {
        let language: Language
        let breaksPages: Bool
        var chartCount = 0
        /// The heading of the section being rendered: a caption that repeats it is hidden on screen.
        var heading = ""
    }

    private func render(_ section: ReportSection, level: Int, state: inout State) -> String {
        let tag = "h\(min(level, 6))"
        var out = level == 2 && state.breaksPages ? #"<section class="major">"# : "<section>"
        out += "<\(tag)>\(inline(section.heading))</\(tag)>\n"
        state.heading = section.heading.marked
        for block in section.blocks { out += render(block, state: &state) + "\n" }
        for subsection in section.subsections { out += render(subsection, level: level + 1, state: &state) }
        out += "</section>\n"
        return out
    }

    private func inline(_ text: ReportText) -> String {
        guard let fallback = text.fallback else { return ReportMarkup.escape(text.text) }
        return #"<span lang="\#(fallback.rawValue)" xml:lang="\#(fallback.rawValue)">\#(ReportMarkup.escape(text.text))</span> "#
            + #"<span class="lang-mark">(\#(fallback.rawValue))</span>"#
    }

    private func render(_ block: ReportBlock, state: inout State) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(multiline(text))</p>"
        case .list(let items):
            return "<ul>" + items.map { "<li>\(multiline($0))</li>" }.joined() + "</ul>"
        case .note(let text):
            return #"<p class="note">\#(ReportMarkup.escape(text))</p>"#
        case .keyFigures(let figures):
            return #"<dl class="figures">"# + figures.map { figure in
                #"<div class="figure"><dt>\#(ReportMarkup.escape(figure.label))</dt><dd>\#(cell(figure.value, language: state.language))</dd></div>"#
            }.joined() + "</dl>"
        case .table(let table):
            return render(table, language: state.language, hideCaption: table.caption == state.heading)
        case .chart(let chart):
            state.chartCount += 1
            let svg = ReportSVGChart(chart: chart, language: state.language, id: "chart\(state.chartCount)").svg()
            return #"<figure class="chart">\#(svg)<figcaption>\#(ReportMarkup.escape(chart.description))</figcaption></figure>"#
                + render(chart.dataTable(state.language), language: state.language, className: "chart-data")
        }
    }

    private func multiline(_ text: ReportText) -> String {
        inline(text).replacingOccurrences(of: "\n", with: "<br/>")
    }

    private func cell(_ cell: ReportCell, language: Language) -> String {
        let content: String
        if case .text(let text, let fallback, _) = cell {
            content = inline(ReportText(text, fallback: fallback)).replacingOccurrences(of: "\n", with: "<br/>")
        } else {
            content = ReportMarkup.escape(cell.display(language))
        }
        guard let tone = cell.tone else { return content }
        return #"<span class="tag \#(tone)">\#(content)</span>"#
    }

    private func render(_ table: ReportTable, language: Language, className: String? = nil, hideCaption: Bool = false) -> String {
        var out = className.map { #"<table class="\#($0)">"# } ?? "<table>"
        out += hideCaption ? #"<caption class="visually-hidden">"# : "<caption>"
        out += "\(ReportMarkup.escape(table.caption))</caption><thead><tr>"
        for column in table.columns { out += #"<th scope="col">\#(ReportMarkup.escape(column))</th>"# }
        out += "</tr></thead><tbody>"
        for row in table.rows {
            out += "<tr>"
            for (index, value) in row.enumerated() {
                let numeric = value.isNumeric ? #" class="num""# : ""
                if index == 0 && table.firstColumnIsHeader {
                    out += #"<th scope="row"\#(numeric)>\#(cell(value, language: language))</th>"#
                } else {
                    out += "<td\(numeric)>\(cell(value, language: language))</td>"
                }
            }
            out += "</tr>"
        }
        out += "</tbody></table>"
        return out
    }

    static let css = """
    @page { size: A4; margin: 16mm 14mm 18mm 14mm; }
    html { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; color: #1a1a1a; background: #ffffff; }
    body { margin: 0 auto; max-width: 1100px; padding: 16px 24px; line-height: 1.4; }
    h1 { font-size: 1.8em; margin: 0 0 .2em; color: #0b2e5c; }
    h2 { font-size: 1.4em; margin: 1.2em 0 .4em; color: #0b2e5c; border-bottom: 2px solid #0b2e5c; padding-bottom: 2px; }
    h3 { font-size: 1.15em; margin: 1em 0 .3em; color: #1a1a1a; }
    h4, h5, h6 { font-size: 1em; margin: .8em 0 .3em; }
    .subtitle { font-size: 1.1em; margin: 0; }
    .generated, .note { color: #4a4a4a; font-size: .9em; }
    table { border-collapse: collapse; width: 100%; margin: .6em 0 1em; font-size: .92em; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    th, td { border: 1px solid #8c8c8c; padding: 4px 6px; vertical-align: top; text-align: left; }
    thead th { background: #e8edf4; }
    tbody th { font-weight: normal; background: #f6f8fb; }
    .num { text-align: right; white-space: nowrap; }
    .tag { display: inline-block; padding: 0 6px; border-radius: 3px; white-space: nowrap; border: 1px solid #8c8c8c; }
    .status-done, .cc-good, .trend-improving { background: #d7f0dd; color: #0b4d1e; }
    .status-in-progress { background: #dbe9fb; color: #0b3a75; }
    .status-not-started, .cc-neutral, .trend-stable { background: #eeeeee; color: #333333; }
    .status-not-done, .cc-worrying, .trend-worsening { background: #fbdcdc; color: #8a1010; }
    .status-postponed { background: #fdebc8; color: #5c3a00; }
    .status-cancelled { background: #e4e4e4; color: #3a3a3a; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .lang-mark { color: #4a4a4a; font-size: .85em; }
    dl.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: .6em 0 1em; }
    .figure { border: 1px solid #8c8c8c; border-radius: 4px; padding: 8px 14px; min-width: 150px; }
    .figure dt { font-size: .85em; color: #333333; }
    .figure dd { margin: 0; font-size: 1.6em; font-weight: bold; }
    .figure dd .tag { font-size: .6em; }
    figure.chart { margin: .6em 0; }
    figure.chart svg { max-width: 100%; height: auto; }
    figcaption { font-size: .9em; color: #333333; }
    table.chart-data { width: auto; min-width: 50%; font-size: .85em; }
    @media print {
      body { max-width: none; padding: 0; }
      section.major { break-before: page; }
      section.major:first-of-type { break-before: auto; }
      tr, figure { break-inside: avoid; }
      thead { display: table-header-group; }
      h2, h3 { break-after: avoid; }
    }
    """
}
