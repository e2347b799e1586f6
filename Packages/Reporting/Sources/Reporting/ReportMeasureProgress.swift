import Model

/// Value measures with their baseline, latest value, target and attainment.
///
/// Attainment is the share of the way from baseline to target covered by the latest value
/// (100 % = target reached); without a baseline it is latest ÷ target (higher is better) or
/// target ÷ latest (lower is better). A measure is on track when its attainment is above 0 %,
/// i.e. the latest value has moved from the baseline towards the target (or reached it).
///
/// The latest value of a measure comes from the status reports' `values` up to the report's last
/// period. A measure that references an indicator (`indicator: ID`) takes it from the indicator
/// data instead: the area's value of the latest year up to the last period's year, shown with that
/// year as its period. A value reported by hand for such a measure in a later period than the data
/// year wins over the data. The direction is the measure's, or else the indicator definition's.
struct ReportMeasureProgress {
    struct Row {
        var item: PlanItem
        var measure: Measure
        var latest: (period: ReportingPeriod, value: Double)?
        var attainment: Double?
        /// The unit the values are shown in: the measure's, or else the indicator's.
        var unit: String?
        var onTrack: Bool? { attainment.map { $0 > 0 } }
    }

    let context: ReportPlanContext
    let rows: [Row]

    /// The value, count and indicator measures with a target or baseline, and every measure that
    /// references an indicator, with values up to `last`. `indicators` is the indicator data of the
    /// plan (the area's series of each indicator).
    init(_ context: ReportPlanContext, upTo last: ReportingPeriod, indicators: [ReportIndicator] = []) {
        self.context = context
        var reported: [String: (period: ReportingPeriod, value: Double)] = [:]
        for report in context.input.statusReports where report.period <= last {
            for value in report.values {
                guard let number = value.value else { continue }
                if let known = reported[value.measure], known.period > report.period { continue }
                reported[value.measure] = (report.period, number)
            }
        }
        var rows: [Row] = []
        for (item, _) in context.input.document.allItems {
            for measure in item.measures where Self.isListed(measure) {
                let indicator = measure.indicator.flatMap { Self.indicator($0, in: indicators) }
                var latest = reported[measure.id]
                if let indicator, let point = indicator.latest(upTo: last.year) {
                    let period = ReportingPeriod(year: point.year)
                    if latest.map({ !(period < $0.period) }) ?? true { latest = (period, point.value) }
                }
                let direction = measure.direction ?? indicator?.direction
                rows.append(Row(item: item, measure: measure, latest: latest,
                                attainment: Self.attainment(measure, latest?.value, direction: direction),
                                unit: measure.unit ?? indicator?.unit))
            }
        }
        self.rows = rows
    }

    /// Value, count and indicator measures with a baseline or a target, and any measure that
    /// references an indicator.
    static func isListed(_ measure: Measure) -> Bool {
        if measure.indicator != nil { return true }
        return [.value, .count, .indicator].contains(measure.kind) && (measure.target != nil || measure.baseline != nil)
    }

    /// The indicator `reference` names: by its id, or by an id the plan used for it (e.g. a Sotkanet
    /// number) as the indicators service resolved it.
    static func indicator(_ reference: String, in indicators: [ReportIndicator]) -> ReportIndicator? {
        indicators.first { $0.id == reference } ?? indicators.first { ($0.references ?? []).contains(reference) }
    }

    static func attainment(_ measure: Measure, _ latest: Double?, direction: Direction? = nil) -> Double? {
        guard let latest, let target = measure.target?.value else { return nil }
        if let baseline = measure.baseline?.value, baseline != target { return (latest - baseline) / (target - baseline) * 100 }
        switch direction ?? measure.direction {
        case .lowerIsBetter: return latest == 0 ? nil : target / latest * 100
        default: return target == 0 ? nil : latest / target * 100
        }
    }

    private func cell(_ unit: String?, _ value: Double?) -> ReportCell {
        guard let value else { return .empty }
        let decimals = value == value.rounded() ? 0 : 1
        return unit == "%" ? .percent(value, decimals: decimals) : .number(value, decimals: decimals, unit: unit)
    }

    /// The measures as a table, or a sentence when there are none.
    func blocks() -> [ReportBlock] {
        guard !rows.isEmpty else { return [.paragraph(ReportText(context.term(.noMeasures)))] }
        let tableRows = rows.map { row -> [ReportCell] in
            let measure = row.measure
            return [
                .text(row.item.number), .content(context.text(measure.title)),
                cell(row.unit, measure.baseline?.value), measure.baseline.map { .text(String($0.year)) } ?? .empty,
                cell(row.unit, row.latest?.value), row.latest.map { .text(context.format.period($0.period)) } ?? .text(context.term(.noValue)),
                cell(row.unit, measure.target?.value), measure.target.map { .text(String($0.year)) } ?? .empty,
                row.attainment.map { .percent($0, decimals: 0) } ?? .empty,
                row.onTrack.map { .text(context.term($0 ? .onTrack : .offTrack)) } ?? .empty,
            ]
        }
        let year = context.term(.year)
        return [.table(ReportTable(caption: context.term(.valueMeasures), columns: [
            context.term(.number), context.term(.measure), context.term(.baseline), year, context.term(.latest), context.term(.period),
            context.term(.target), year, context.term(.attainment), context.term(.onOffTrack),
        ], rows: tableRows, firstColumnIsHeader: true))]
    }
}
