import Model

/// The management dashboard (johdon työpöytä) on one page: actions by status per focus area with
/// traffic lights in words, value measures on or off track, indicators by colour class, and the
/// status changes since the previous reported period.
public struct DashboardReport: Sendable {
    /// The plan and the report's language.
    public var input: ReportPlanInput
    /// The period shown.
    public var period: ReportingPeriod
    /// Indicators of the plan, filled by the caller.
    public var indicators: [ReportIndicator]

    /// A dashboard of `period`.
    public init(input: ReportPlanInput, period: ReportingPeriod, indicators: [ReportIndicator] = []) {
        self.input = input
        self.period = period
        self.indicators = indicators
    }

    /// The report; throws `ReportError.noData` when nothing was reported for the period.
    public func document() throws -> ReportDocument {
        let context = ReportPlanContext(input)
        let statuses = context.status(for: period)
        guard !statuses.isEmpty else {
            throw ReportError.noData("plan '\(input.document.plan.id)' has no status reports for period \(period)")
        }
        let periodText = context.format.period(period)
        let byArea = ReportStatusSummary.byFocusArea(context, statuses: statuses)
        let focusTitle = context.levelName(0) ?? context.term(.focusArea)
        var figures = FollowUpReport.keyFigures(context, byArea.total)
        if !indicators.isEmpty {
            let worrying = indicators.filter { $0.colourClass == .worrying }.count
            figures.append(ReportKeyFigure(label: "\(ReportColourClass.worrying.symbol) \(context.term(.indicators)): \(ReportColourClass.worrying.word(context.language))",
                                           value: .number(Double(worrying), decimals: 0)))
        }
        var lights = byArea.table(caption: "\(context.term(.statusByFocusArea)) \(periodText)", groupTitle: focusTitle)
        lights.columns.insert(context.term(.assessment), at: 1)
        for index in lights.rows.indices {
            let group = index < byArea.groups.count ? byArea.groups[index] : byArea.total
            lights.rows[index].insert(.colourClass(Self.light(group)), at: 1)
        }
        var chart = byArea.chart(title: "\(context.term(.statusByFocusArea)) \(periodText)", categoryTitle: focusTitle)
        chart.data = lights
        let sections = [
            ReportSection(context.term(.summary), blocks: [.keyFigures(figures)]),
            ReportSection(context.term(.statusByFocusArea), blocks: [
                .chart(chart),
                .note(Self.lightRule(context.language)),
            ]),
            ReportSection(context.term(.valueMeasures), blocks: ReportMeasureProgress(context, upTo: period, indicators: indicators).blocks()),
            ReportSection(context.term(.indicatorsByClass), blocks: indicators.isEmpty
                ? [.paragraph(ReportText(context.term(.noIndicators)))]
                : ReportIndicatorBlocks(context: context).byColourClass(indicators)),
            ReportSection(context.term(.changes), blocks: changes(context, statuses: statuses)),
        ]
        var document = ReportDocument(title: "\(context.term(.dashboard)) \(periodText)", subtitle: context.subtitle(nil),
                                      language: input.language, generated: input.generated, sections: sections)
        document.breaksPages = false
        return document
    }

    /// Good when at least three quarters are done or in progress and none is not done; worrying
    /// when a quarter or more is not done, postponed, cancelled or not reported; else neutral.
    static func light(_ group: ReportStatusSummary.Group) -> ReportColourClass {
        guard group.total > 0 else { return .neutral }
        let moving = (group.counts[.done] ?? 0) + (group.counts[.inProgress] ?? 0)
        let stuck = (group.counts[.notDone] ?? 0) + (group.counts[.postponed] ?? 0) + (group.counts[.cancelled] ?? 0) + group.missing
        if Double(stuck) / Double(group.total) >= 0.25 { return .worrying }
        if Double(moving) / Double(group.total) >= 0.75 && (group.counts[.notDone] ?? 0) == 0 { return .good }
        return .neutral
    }

    static func lightRule(_ language: Language) -> String {
        switch language {
        case .fi: "Arvio: ▲ hyvä, kun vähintään 3/4 toimenpiteistä on toteutunut tai käynnissä eikä yksikään ole jäänyt toteutumatta; ▼ huolestuttava, kun vähintään 1/4 on toteutumatta, siirtynyt, peruttu tai raportoimatta; muuten ■ neutraali."
        case .sv: "Bedömning: ▲ bra, när minst 3/4 av åtgärderna är genomförda eller pågår och ingen är ogenomförd; ▼ oroande, när minst 1/4 är ogenomförda, uppskjutna, inställda eller inte rapporterade; annars ■ neutral."
        case .en: "Assessment: ▲ good when at least 3/4 of the actions are done or in progress and none is not done; ▼ worrying when at least 1/4 are not done, postponed, cancelled or not reported; otherwise ■ neutral."
        }
    }

    private func changes(_ context: ReportPlanContext, statuses: [String: StatusReport]) -> [ReportBlock] {
        guard let previous = context.reportedPeriods.last(where: { $0 < period }) else {
            return [.paragraph(ReportText(context.term(.noPreviousPeriod)))]
        }
        let before = context.status(for: previous)
        let rows: [[ReportCell]] = context.actions.compactMap { action in
            let now = statuses[action.item.number]?.status, then = before[action.item.number]?.status
            guard now != then else { return nil }
            return [.text(action.item.number), .content(context.text(action.item.title)),
                    then.map { .status($0) } ?? .text(context.term(.notReported)), now.map { .status($0) } ?? .text(context.term(.notReported))]
        }
        guard !rows.isEmpty else { return [.paragraph(ReportText(context.term(.noChanges)))] }
        let caption = "\(context.term(.changes)): \(context.format.period(previous)) → \(context.format.period(period))"
        return [.table(ReportTable(caption: caption, columns: [
            context.term(.number), context.actionLevel,
            "\(context.term(.previousStatus)) \(context.format.period(previous))", "\(context.term(.currentStatus)) \(context.format.period(period))",
        ], rows: rows, firstColumnIsHeader: true))]
    }
}
