import Model

/// The council-term welfare report: like the annual report but across every year of the plan's
/// period, with each action's status history (one column per reported period).
public struct TermWelfareReport: Sendable {
    /// The plan and the report's language.
    public var input: ReportPlanInput
    /// Indicators, developments and participation.
    public var welfare: WelfareReportInputs

    /// A term report of the plan's whole period.
    public init(input: ReportPlanInput, welfare: WelfareReportInputs = WelfareReportInputs()) {
        self.input = input
        self.welfare = welfare
    }

    /// The report; throws `ReportError.noData` when the plan's period has neither status reports nor indicator values.
    public func document() throws -> ReportDocument {
        let context = ReportPlanContext(input)
        let span = input.document.plan.period
        let periods = context.reportedPeriods.filter { (span.start...span.end).contains($0.year) }
        let hasIndicatorValues = welfare.indicators.contains { $0.values.contains { (span.start...span.end).contains($0.year) } }
        guard !periods.isEmpty || hasIndicatorValues else {
            throw ReportError.noData("plan '\(input.document.plan.id)' has no status reports and no indicator values for \(span.start)–\(span.end)")
        }
        let statusByPeriod = Dictionary(uniqueKeysWithValues: periods.map { ($0, context.status(for: $0)) })
        let years = Array(span.start...span.end)
        let spanText = span.start == span.end ? String(span.start) : "\(span.start)–\(span.end)"
        let byYear = years.map { year -> ReportStatusSummary.Group in
            let statuses = context.status(inYear: year)
            var group = ReportStatusSummary.Group(name: ReportText(String(year)))
            for action in context.actions { group.add(statuses[action.item.number]) }
            return group
        }
        let yearSummary = ReportStatusSummary(context: context, groups: byYear)
        let latest = periods.last.map { context.status(for: $0) } ?? [:]
        var chart = yearSummary.chart(title: "\(context.term(.statusHistory)) \(spanText)", categoryTitle: context.term(.year))
        chart.data = yearSummary.table(caption: "\(context.term(.statusHistory)) \(spanText)", groupTitle: context.term(.year), withTotal: false)
        let summary = ReportSection(context.term(.summary), blocks: [
            .keyFigures(FollowUpReport.keyFigures(context, ReportStatusSummary.byFocusArea(context, statuses: latest).total)),
            .chart(chart),
        ])
        let structure = ReportSection(context.term(.statusHistory), subsections: AnnualWelfareReport.structure(context) { action in
            (periods.map { period in statusByPeriod[period]?[action.item.number].map { .status($0.status) } ?? .empty },
             periods.map { context.format.period($0) })
        })
        let last = periods.last ?? ReportingPeriod(year: span.end)
        let measures = ReportSection(context.term(.valueMeasures), blocks: ReportMeasureProgress(context, upTo: last, indicators: welfare.indicators).blocks())
        return ReportDocument(title: "\(context.term(.termReport)) \(spanText)", subtitle: context.subtitle(nil),
                              language: input.language, generated: input.generated,
                              sections: [summary, structure, measures] + welfare.sections(context))
    }
}
