import Model

/// The plan seen from a report: texts in the report's language, actions with their ancestors,
/// responsible parties by name and the status of each action in a period.
struct ReportPlanContext {
    let input: ReportPlanInput
    let language: Language
    let format: ReportNumberFormat
    private let fallbacks: [Language]
    private let names: [String: Organisation]

    /// An action with the items above it, top first.
    struct Action {
        var item: PlanItem
        var ancestors: [PlanItem]
        var focusArea: PlanItem? { ancestors.first }
    }

    init(_ input: ReportPlanInput) {
        self.input = input
        self.language = input.language
        self.format = ReportNumberFormat(input.language)
        let primary = input.document.plan.languages.first ?? .fi
        self.fallbacks = [primary] + Language.allCases.filter { $0 != primary }
        var names: [String: Organisation] = [:]
        for organisation in input.organisations + input.document.organisations { names[organisation.id] = organisation }
        self.names = names
    }

    func term(_ term: ReportTerm) -> String { term.text(language) }

    /// A plan text in the report's language, else in the plan's primary language (marked).
    func text(_ text: LocalizedText?) -> ReportText {
        guard let text, let resolved = text.resolved(language, fallbacks: fallbacks) else { return ReportText("") }
        return ReportText(resolved.text, fallback: resolved.language == language ? nil : resolved.language)
    }

    /// "1.2 Title" as a heading.
    func heading(_ item: PlanItem) -> ReportText {
        let title = text(item.title)
        return ReportText("\(item.number) \(title.text)", fallback: title.fallback)
    }

    /// The plan's title.
    var planTitle: ReportText { text(input.document.plan.title) }

    /// The name of an organisation in the report's language, or its id.
    func organisationName(_ id: String) -> ReportText {
        guard let organisation = names[id], !organisation.name.isEmpty else { return ReportText(id) }
        return text(organisation.name)
    }

    /// Responsible parties joined with `; `: a role as written, else the organisation's name.
    func responsible(_ item: PlanItem) -> ReportText {
        let parties = item.action?.responsible ?? []
        let names = parties.map { party -> ReportText in
            party.role.map { text($0) } ?? party.organisation.map { organisationName($0) } ?? ReportText("")
        }
        return ReportText.joined(names, separator: "; ")
    }

    /// The organisations responsible for an action, by id; roles without an organisation are left out.
    func responsibleOrganisations(_ item: PlanItem) -> [String] {
        var seen = Set<String>()
        return (item.action?.responsible ?? []).compactMap(\.organisation).filter { seen.insert($0).inserted }
    }

    /// The measures of an item, one per line.
    func measures(_ item: PlanItem) -> ReportText {
        ReportText.joined(item.measures.map { text($0.title) }, separator: "\n")
    }

    /// Every action of the plan in tree order.
    var actions: [Action] {
        var result: [Action] = []
        func visit(_ item: PlanItem, ancestors: [PlanItem]) {
            if item.action != nil { result.append(Action(item: item, ancestors: ancestors)) }
            for child in item.children { visit(child, ancestors: ancestors + [item]) }
        }
        for item in input.document.items { visit(item, ancestors: []) }
        return result
    }

    /// The current status report of each item for `period`: the last one given.
    func status(for period: ReportingPeriod) -> [String: StatusReport] {
        var current: [String: StatusReport] = [:]
        for report in input.statusReports where report.period == period { current[report.item] = report }
        return current
    }

    /// The latest status of each item in periods of `year` (a year report wins over its halves).
    func status(inYear year: Int) -> [String: StatusReport] {
        var current: [String: StatusReport] = [:]
        let sorted = input.statusReports.enumerated().filter { $0.element.period.year == year }
            .sorted { ($0.element.period.months.upperBound, $0.element.period.months.count, $0.offset)
                < ($1.element.period.months.upperBound, $1.element.period.months.count, $1.offset) }
        for (_, report) in sorted { current[report.item] = report }
        return current
    }

    /// Every period that has a status report, in order.
    var reportedPeriods: [ReportingPeriod] { Array(Set(input.statusReports.map(\.period))).sorted() }

    /// The narrative and reason of a status report, in the report's language.
    func statusText(_ report: StatusReport?) -> ReportText {
        guard let report else { return ReportText("") }
        let narrative = text(report.narrative), reason = text(report.reason)
        if narrative.text.isEmpty { return reason }
        return narrative
    }

    /// The status as a cell, or "not reported".
    func statusCell(_ report: StatusReport?) -> ReportCell {
        report.map { .status($0.status) } ?? .text(term(.notReported))
    }

    /// The name of a level of the tree ("painopiste"), or nil.
    func levelName(_ depth: Int) -> String? {
        let levels = input.document.plan.levels
        guard levels.indices.contains(depth) else { return nil }
        let name = text(levels[depth]).marked
        return name.isEmpty ? nil : name.prefix(1).uppercased() + name.dropFirst()
    }

    /// The name of the tree's last level, where the actions are ("Toimenpide"), or "Toimenpiteet".
    var actionLevel: String { levelName(input.document.plan.levels.count - 1) ?? term(.actions) }

    /// A line naming the plan and the period for the subtitle.
    func subtitle(_ detail: String?) -> String {
        [planTitle.marked, detail].compactMap { $0 }.joined(separator: " · ")
    }
}
