import Model

/// The annual welfare report of a plan for a year: a summary, the plan's structure with each goal's
/// actions and their status, value measures, linked indicators with charts, colour class and
/// trend, positive and negative developments, and participation results.
public struct AnnualWelfareReport: Sendable {
    /// The plan and the report's language.
    public var input: ReportPlanInput
    /// The year reported on; the latest status of each action within it is shown.
    public var year: Int
    /// Indicators, developments and participation.
    public var welfare: WelfareReportInputs

    /// An annual report of `year`.
    public init(input: ReportPlanInput, year: Int, welfare: WelfareReportInputs = WelfareReportInputs()) {
        self.input = input
        self.year = year
        self.welfare = welfare
    }

    /// The report; throws `ReportError.noData` when the year has neither status reports nor indicator values.
    public func document() throws -> ReportDocument {
        let context = ReportPlanContext(input)
        let statuses = context.status(inYear: year)
        let hasIndicatorValues = welfare.indicators.contains { $0.values.contains { $0.year == year } }
        guard !statuses.isEmpty || hasIndicatorValues else {
            throw ReportError.noData("plan '\(input.document.plan.id)' has no status reports and no indicator values for \(year)")
        }
        let byArea = ReportStatusSummary.byFocusArea(context, statuses: statuses)
        let focusTitle = context.levelName(0) ?? context.term(.focusArea)
        let summary = ReportSection(context.term(.summary), blocks: [
            .keyFigures(FollowUpReport.keyFigures(context, byArea.total)),
            .chart(byArea.chart(title: "\(context.term(.statusByFocusArea)) \(year)", categoryTitle: focusTitle)),
        ])
        let structure = ReportSection(context.term(.planStructure), subsections: Self.structure(context) { action in
            let report = statuses[action.item.number]
            return ([context.statusCell(report), .content(context.statusText(report))],
                    [context.term(.status), "\(context.term(.statusText)) \(year)"])
        })
        let last = context.reportedPeriods.last { $0.year <= year } ?? ReportingPeriod(year: year)
        let measures = ReportSection(context.term(.valueMeasures), blocks: ReportMeasureProgress(context, upTo: last, indicators: welfare.indicators).blocks())
        return ReportDocument(title: "\(context.term(.annualReport)) \(year)", subtitle: context.subtitle(nil), language: input.language,
                              generated: input.generated, sections: [summary, structure, measures] + welfare.sections(context))
    }

    /// One section per focus area with one subsection per goal, each a table of its actions with
    /// the cells `extra` adds (and their column titles).
    static func structure(_ context: ReportPlanContext,
                          extra: (ReportPlanContext.Action) -> (cells: [ReportCell], columns: [String])) -> [ReportSection] {
        let actions = context.actions
        guard let sample = actions.first else { return [] }
        let columns = [context.term(.number), context.actionLevel, context.term(.responsible)] + extra(sample).columns
        func table(_ caption: ReportText, _ actions: [ReportPlanContext.Action]) -> ReportBlock {
            .table(ReportTable(caption: caption.marked, columns: columns, rows: actions.map { action in
                [.text(action.item.number), .content(context.text(action.item.title)), .content(context.responsible(action.item))]
                    + extra(action).cells
            }, firstColumnIsHeader: true))
        }
        return ActionMatrixReport.byFocusArea(actions).map { group in
            let heading = context.heading(group.focusArea)
            var section = ReportSection(heading)
            let direct = group.actions.filter { $0.ancestors.count < 2 }
            if !direct.isEmpty { section.blocks.append(table(heading, direct)) }
            var goals: [(goal: PlanItem, actions: [ReportPlanContext.Action])] = []
            for action in group.actions where action.ancestors.count >= 2 {
                if let index = goals.indices.last, goals[index].goal.number == action.ancestors[1].number {
                    goals[index].actions.append(action)
                } else {
                    goals.append((action.ancestors[1], [action]))
                }
            }
            section.subsections = goals.map { goal in
                let goalHeading = context.heading(goal.goal)
                return ReportSection(goalHeading, blocks: [table(goalHeading, goal.actions)])
            }
            return section
        }
    }
}
