import Model

/// What every plan report is made of: the plan, its status reports, the organisations that give
/// names to responsible parties, the language and the day of the report.
public struct ReportPlanInput: Sendable {
    /// The plan with its tree.
    public var document: PlanDocument
    /// The status reports to use; by default those of the document.
    public var statusReports: [StatusReport]
    /// Organisations of the registry; those of the document are added.
    public var organisations: [Organisation]
    /// The language of the report.
    public var language: Language
    /// The day the report is generated.
    public var generated: ReportDate

    /// An input; `statusReports` defaults to the document's own.
    public init(document: PlanDocument, statusReports: [StatusReport]? = nil, organisations: [Organisation] = [],
                language: Language, generated: ReportDate) {
        self.document = document
        self.statusReports = statusReports ?? document.statusReports
        self.organisations = organisations
        self.language = language
        self.generated = generated
    }
}
