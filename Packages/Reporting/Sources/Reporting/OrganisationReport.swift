import Model

/// The organisation tree as a report in one language, rendered as Markdown or CSV.
///
/// A name missing in the report's language is shown in another language (Finnish, Swedish,
/// English, in that order) and marked with that language's code, e.g. `Hamina (fi)`; an
/// organisation without any name is shown by its id, marked `(id)`.
public struct OrganisationReport: Sendable {
    /// The language of labels and names.
    public let language: Language
    private let labels: ReportLabels
    private let tree: OrganisationTree

    /// A report of `organisations`, in any order, in `language`.
    public init(organisations: [Organisation], language: Language) {
        self.language = language
        self.labels = ReportLabels.of(language)
        self.tree = OrganisationTree(organisations)
    }

    /// The report in `format` with its content type.
    public func render(_ format: ReportFormat) -> ReportingContracts.Organisations.Response {
        switch format {
        case .markdown: .init(contentType: "text/markdown; charset=utf-8", body: markdown())
        case .csv: .init(contentType: "text/csv; charset=utf-8", body: csv())
        }
    }

    /// A heading, a count line and a table of name (indented under its parent), kind and id.
    public func markdown() -> String {
        var lines = ["# \(labels.title)", "", labels.count(tree.nodes.count), ""]
        lines.append("| \(labels.name) | \(labels.kind) | \(labels.id) |")
        lines.append("|---|---|---|")
        var anyFallback = false
        for node in tree.nodes {
            let (name, isFallback) = displayName(node.organisation)
            anyFallback = anyFallback || isFallback
            let indent = String(repeating: Self.indentUnit, count: node.depth)
            let cells = [indent + name, labels.kindName(node.organisation.kind), node.organisation.id].map(Self.markdownCell)
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        if anyFallback { lines += ["", labels.fallbackNote] }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A header row and one row per organisation in tree order: name, kind, id, parent id.
    /// Fields are separated by `;` in Finnish and Swedish (where `,` is the decimal mark) and by
    /// `,` in English; lines end with CRLF as RFC 4180 asks.
    public func csv() -> String {
        var writer = CSVWriter(separator: language == .en ? "," : ";")
        writer.append([labels.name, labels.kind, labels.id, labels.parent])
        for node in tree.nodes {
            let organisation = node.organisation
            writer.append([displayName(organisation).text, labels.kindName(organisation.kind), organisation.id,
                           organisation.parentId ?? ""])
        }
        return writer.text
    }

    /// Two em spaces per level: Markdown keeps them, unlike ordinary spaces at the start of a cell.
    static let indentUnit = "\u{2003}\u{2003}"

    private func displayName(_ organisation: Organisation) -> (text: String, isFallback: Bool) {
        guard let resolved = organisation.name.resolved(language) else { return ("\(organisation.id) (id)", true) }
        return resolved.language == language ? (resolved.text, false) : ("\(resolved.text) (\(resolved.language.rawValue))", true)
    }

    /// A table cell on one line, with `|` and `\` escaped.
    static func markdownCell(_ text: String) -> String {
        var cell = ""
        for character in text {
            switch character {
            case "|": cell += "\\|"
            case "\\": cell += "\\\\"
            case "\n", "\r", "\r\n": cell += " "
            default: cell.append(character)
            }
        }
        return cell
    }
}
