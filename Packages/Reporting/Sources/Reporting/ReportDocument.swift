import Model

/// A report as a document, independent of its output format: a title, a subtitle, a language,
/// the date it was generated and its sections. Renderers turn it into HTML, Markdown, CSV, XLSX or PDF.
public struct ReportDocument: Sendable, Hashable {
    /// The report's title (the one `h1`).
    public var title: String
    /// A line under the title, e.g. the plan and the period.
    public var subtitle: String?
    /// The language of every label; content texts missing in it are marked (see `ReportText`).
    public var language: Language
    /// The day the report was generated, printed under the title.
    public var generated: ReportDate
    /// The top-level sections; each starts a new page in print when `breaksPages` is set.
    public var sections: [ReportSection]
    /// Whether print starts each top-level section on a new page; false for one-page reports such as the dashboard.
    public var breaksPages: Bool = true

    /// A document with `sections`.
    public init(title: String, subtitle: String? = nil, language: Language, generated: ReportDate, sections: [ReportSection] = []) {
        self.title = title
        self.subtitle = subtitle
        self.language = language
        self.generated = generated
        self.sections = sections
    }

    /// True when some content text is shown in another language than the report's.
    public var hasFallbackText: Bool { fallbackLanguages.isEmpty == false }

    /// The languages that content texts fell back to, in the order Finnish, Swedish, English.
    public var fallbackLanguages: [Language] {
        var found = Set<Language>()
        func visit(_ section: ReportSection) {
            found.formUnion(section.heading.fallbackLanguages)
            for block in section.blocks { found.formUnion(block.fallbackLanguages) }
            section.subsections.forEach(visit)
        }
        sections.forEach(visit)
        return Language.allCases.filter(found.contains)
    }
}
