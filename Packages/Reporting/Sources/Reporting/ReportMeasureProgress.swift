import Model

/// Value measures with their baseline, latest reported value, target and attainment.
///
/// Attainment is the share of the way from baseline to target covered by the latest value
/// (100 % = target reached); without a baseline it is latest ÷ target (higher is better) or
/// target ÷ latest (lower is better). A measure is on track when its attainment is above 0 %,
/// i.e. the latest value has moved from the baseline towards the target (or reached it).
struct ReportMeasureProgress {
    struct Row {
        var item: PlanItem
        var measure: Measure
        var latest: (period: ReportingPeriod, value: Double)?
        var attainment: Double?
        var onTrack: Bool? { attainment.map { $0 > 0 } }
    }

    let context: ReportPlanContext
    let rows: [Row]

    /// The value and count measures with a target or baseline, with values reported up to `last`.
    init(_ context: ReportPlanContext, upTo last: ReportingPeriod) {
        self.context = context
        var latest: [String: (period: ReportingPeriod, value: Double)] = [:]
        for report in context.input.statusReports where report.period <= last {
            for value in report.values {
                guard let number = value.value else { continue }
                if let known = latest[value.measure], known.period > report.period { continue }
                latest[value.measure] = (report.period, number)
            }
        }
        var rows: [Row] = []
        for (item, _) in context.input.document.allItems {
            for measure in item.measures where (measure.kind == .value || measure.kind == .count)
                && (measure.target != nil || measure.baseline != nil) {
                let value = latest[measure.id]
                rows.append(Row(item: item, measure: measure, latest: value, attainment: Self.attainment(measure, value?.value)))
            }
        }
        self.rows = rows
    }

    static func attainment(_ measure: Measure, _ latest: Double?) -> Double? {
        guard let latest, let target = measure.target?.value else { return nil }
        if let baseline = measure.baseline?.value, baseline != target { return (latest - baseline) / (target - baseline) * 100 }
        switch measure.direction {
        case .lowerIsBetter: return latest == 0 ? nil : target / latest * 100
        default: return target == 0 ? nil : latest / target * 100
        }
    }

    private func cell(_ measure: Measure, _ value: Double?) -> ReportCell {
        guard let value else { return .empty }
        let decimals = value == value.rounded() ? 0 : 1
        return measure.unit == "%" ? .percent(value, decimals: decimals) : .number(value, decimals: decimals, unit: measure.unit)
    }

    /// The measures as a table, or a sentence when there are none.
    func blocks() -> [ReportBlock] {
        guard !rows.isEmpty else { return [.paragraph(ReportText(context.term(.noMeasures)))] }
        let tableRows = rows.map { row -> [ReportCell] in
            let measure = row.measure
            return [
                .text(row.item.number), .content(context.text(measure.title)),
                cell(measure, measure.baseline?.value), measure.baseline.map { .text(String($0.year)) } ?? .empty,
                cell(measure, row.latest?.value), row.latest.map { .text(context.format.period($0.period)) } ?? .text(context.term(.noValue)),
                cell(measure, measure.target?.value), measure.target.map { .text(String($0.year)) } ?? .empty,
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
