import Model

/// The follow-up report of a period (as Loviisa Perusturvakeskus' half-year report): per focus area
/// and goal each action with its measure, responsible party and the period's status text; a status
/// summary per focus area and per responsible organisation; and the actions not reported on.
public struct FollowUpReport: Sendable {
    /// The plan and the report's language.
    public var input: ReportPlanInput
    /// The period reported on.
    public var period: ReportingPeriod

    /// A follow-up report of `period`.
    public init(input: ReportPlanInput, period: ReportingPeriod) {
        self.input = input
        self.period = period
    }

    /// The report; throws `ReportError.noData` when nothing was reported for the period.
    public func document() throws -> ReportDocument {
        let context = ReportPlanContext(input)
        let statuses = context.status(for: period)
        let planId = input.document.plan.id
        guard !statuses.isEmpty else { throw ReportError.noData("plan '\(planId)' has no status reports for period \(period)") }
        let actions = context.actions
        let periodText = context.format.period(period)
        let depth = actions.map(\.ancestors.count).max() ?? 1
        let middleLevels = depth > 2 ? Array(2..<depth) : []
        var columns = [context.term(.number)]
        columns += middleLevels.map { context.levelName($0) ?? context.term(.item) }
        columns += [context.levelName(depth) ?? context.term(.actions), context.term(.measure), context.term(.responsible),
                    context.term(.status), "\(context.term(.statusText)) \(periodText)"]

        func row(_ action: ReportPlanContext.Action) -> [ReportCell] {
            let report = statuses[action.item.number]
            var row: [ReportCell] = [.text(action.item.number)]
            row += middleLevels.map { $0 < action.ancestors.count ? .content(context.text(action.ancestors[$0].title)) : .empty }
            row += [.content(context.text(action.item.title)), .content(context.measures(action.item)),
                    .content(context.responsible(action.item)), context.statusCell(report), .content(context.statusText(report))]
            return row
        }

        var sections: [ReportSection] = []
        for group in ActionMatrixReport.byFocusArea(actions) {
            let heading = context.heading(group.focusArea)
            var section = ReportSection(heading)
            let direct = group.actions.filter { $0.ancestors.count < 2 }
            if !direct.isEmpty {
                section.blocks.append(.table(ReportTable(caption: heading.marked, columns: columns, rows: direct.map(row), firstColumnIsHeader: true)))
            }
            var goals: [(goal: PlanItem, actions: [ReportPlanContext.Action])] = []
            for action in group.actions where action.ancestors.count >= 2 {
                let goal = action.ancestors[1]
                if let last = goals.indices.last, goals[last].goal.number == goal.number { goals[last].actions.append(action) } else {
                    goals.append((goal, [action]))
                }
            }
            for goal in goals {
                let goalHeading = context.heading(goal.goal)
                section.subsections.append(ReportSection(goalHeading, blocks: [
                    .table(ReportTable(caption: goalHeading.marked, columns: columns, rows: goal.actions.map(row), firstColumnIsHeader: true)),
                ]))
            }
            sections.append(section)
        }
        sections.append(Self.summarySection(context, statuses: statuses, periodText: periodText))
        sections.append(Self.missingSection(context, statuses: statuses))
        return ReportDocument(title: "\(context.term(.followUp)) \(periodText)", subtitle: context.subtitle(nil), language: input.language,
                              generated: input.generated, sections: sections)
    }

    static func summarySection(_ context: ReportPlanContext, statuses: [String: StatusReport], periodText: String) -> ReportSection {
        let byArea = ReportStatusSummary.byFocusArea(context, statuses: statuses)
        let byOrganisation = ReportStatusSummary.byOrganisation(context, statuses: statuses)
        let focusTitle = context.levelName(0) ?? context.term(.focusArea)
        let total = byArea.total
        var chart = byArea.chart(title: "\(context.term(.statusByFocusArea)) \(periodText)", categoryTitle: focusTitle)
        chart.data = byArea.table(caption: "\(context.term(.byFocusArea)) \(periodText)", groupTitle: focusTitle)
        return ReportSection(context.term(.statusSummary), blocks: [
            .keyFigures(keyFigures(context, total)),
        ], subsections: [
            ReportSection(context.term(.byFocusArea), blocks: [
                .chart(chart),
                .table(byArea.shareTable(caption: "\(context.term(.byFocusArea)) \(periodText): \(context.term(.shares))", groupTitle: focusTitle)),
            ]),
            ReportSection(context.term(.byOrganisation), blocks: [
                .table(byOrganisation.table(caption: "\(context.term(.byOrganisation)) \(periodText)", groupTitle: context.term(.responsible),
                                            withTotal: false)),
                .table(byOrganisation.shareTable(caption: "\(context.term(.byOrganisation)) \(periodText): \(context.term(.shares))",
                                                 groupTitle: context.term(.responsible), withTotal: false)),
            ]),
        ])
    }

    static func keyFigures(_ context: ReportPlanContext, _ total: ReportStatusSummary.Group) -> [ReportKeyFigure] {
        let share = { (count: Int) -> ReportCell in
            total.total == 0 ? .empty : .percent(Double(count) / Double(total.total) * 100, decimals: 1)
        }
        return [
            ReportKeyFigure(label: context.term(.actions), value: .number(Double(total.total), decimals: 0)),
            ReportKeyFigure(label: context.term(.reportedShare), value: share(total.reported)),
            ReportKeyFigure(label: context.term(.doneShare), value: share(total.counts[.done] ?? 0)),
        ]
    }

    static func missingSection(_ context: ReportPlanContext, statuses: [String: StatusReport]) -> ReportSection {
        let missing = context.actions.filter { statuses[$0.item.number] == nil }
        guard !missing.isEmpty else {
            return ReportSection(context.term(.missingReports), blocks: [.paragraph(ReportText(context.term(.noMissingReports)))])
        }
        let rows: [[ReportCell]] = missing.map {
            [.text($0.item.number), .content(context.text($0.item.title)), .content(context.responsible($0.item))]
        }
        return ReportSection(context.term(.missingReports), blocks: [
            .table(ReportTable(caption: context.term(.missingReports),
                               columns: [context.term(.number), context.actionLevel, context.term(.responsible)],
                               rows: rows, firstColumnIsHeader: true)),
        ])
    }
}
