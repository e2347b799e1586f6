import Model

/// The action matrix (toimenpidematriisi, as Loviisa's): per focus area a table of its goals,
/// actions, measures and responsible parties, with the status of a chosen period when one is given.
public struct ActionMatrixReport: Sendable {
    /// The plan and the report's language.
    public var input: ReportPlanInput
    /// The period whose status is shown; nil for the matrix without status.
    public var period: ReportingPeriod?

    /// A matrix of `input`, with the status of `period` if given.
    public init(input: ReportPlanInput, period: ReportingPeriod? = nil) {
        self.input = input
        self.period = period
    }

    /// The report; throws `ReportError.noData` when the plan has no actions or nothing was
    /// reported for `period`.
    public func document() throws -> ReportDocument {
        let context = ReportPlanContext(input)
        let actions = context.actions
        let planId = input.document.plan.id
        guard !actions.isEmpty else { throw ReportError.noData("plan '\(planId)' has no actions") }
        var statuses: [String: StatusReport] = [:]
        if let period {
            statuses = context.status(for: period)
            guard !statuses.isEmpty else { throw ReportError.noData("plan '\(planId)' has no status reports for period \(period)") }
        }
        let depth = actions.map(\.ancestors.count).max() ?? 1
        var columns = [context.term(.number)]
        for level in 1..<max(depth, 1) { columns.append(context.levelName(level) ?? context.term(.item)) }
        columns += [context.levelName(depth) ?? context.term(.actions), context.term(.measures), context.term(.responsible)]
        if let period { columns.append("\(context.term(.status)) \(context.format.period(period))") }

        var sections: [ReportSection] = []
        for group in Self.byFocusArea(actions) {
            let rows = group.actions.map { action -> [ReportCell] in
                var row: [ReportCell] = [.text(action.item.number)]
                for level in 1..<max(depth, 1) {
                    row.append(level < action.ancestors.count ? .content(context.text(action.ancestors[level].title)) : .empty)
                }
                row += [.content(context.text(action.item.title)), .content(context.measures(action.item)),
                        .content(context.responsible(action.item))]
                if period != nil { row.append(context.statusCell(statuses[action.item.number])) }
                return row
            }
            let heading = context.heading(group.focusArea)
            sections.append(ReportSection(heading, blocks: [
                .table(ReportTable(caption: heading.marked, columns: columns, rows: rows, firstColumnIsHeader: true)),
            ]))
        }
        let detail = period.map { "\(context.term(.period)) \(context.format.period($0))" }
        return ReportDocument(title: context.term(.actionMatrix), subtitle: context.subtitle(detail), language: input.language,
                              generated: input.generated, sections: sections)
    }

    /// Actions grouped under their focus area (an action at the top is its own group), in tree order.
    static func byFocusArea(_ actions: [ReportPlanContext.Action]) -> [(focusArea: PlanItem, actions: [ReportPlanContext.Action])] {
        var groups: [(focusArea: PlanItem, actions: [ReportPlanContext.Action])] = []
        for action in actions {
            let top = action.focusArea ?? action.item
            if let last = groups.indices.last, groups[last].focusArea.number == top.number {
                groups[last].actions.append(action)
            } else {
                groups.append((top, [action]))
            }
        }
        return groups
    }
}
