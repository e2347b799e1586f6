import Model

/// Counts of actions by status (and not reported) for groups of actions: focus areas or
/// responsible organisations; shared by the follow-up, dashboard and welfare reports.
struct ReportStatusSummary {
    /// One group's counts.
    struct Group {
        var name: ReportText
        var counts: [ActionStatus: Int] = [:]
        var missing = 0
        var total: Int { counts.values.reduce(0, +) + missing }
        var reported: Int { counts.values.reduce(0, +) }
    }

    let context: ReportPlanContext
    var groups: [Group]

    /// Groups by focus area.
    static func byFocusArea(_ context: ReportPlanContext, statuses: [String: StatusReport]) -> ReportStatusSummary {
        let groups = ActionMatrixReport.byFocusArea(context.actions).map { group in
            var summary = Group(name: context.heading(group.focusArea))
            for action in group.actions { summary.add(statuses[action.item.number]) }
            return summary
        }
        return ReportStatusSummary(context: context, groups: groups)
    }

    /// Groups by responsible organisation (an action counts for each of its organisations);
    /// actions without one are grouped as "no organisation".
    static func byOrganisation(_ context: ReportPlanContext, statuses: [String: StatusReport]) -> ReportStatusSummary {
        var order: [String] = []
        var groups: [String: Group] = [:]
        let none = "\u{0}none"
        for action in context.actions {
            let organisations = context.responsibleOrganisations(action.item)
            for id in organisations.isEmpty ? [none] : organisations {
                if groups[id] == nil {
                    order.append(id)
                    groups[id] = Group(name: id == none ? ReportText(context.term(.noOrganisation)) : context.organisationName(id))
                }
                groups[id]?.add(statuses[action.item.number])
            }
        }
        let sorted = order.filter { $0 != none }.sorted() + order.filter { $0 == none }
        return ReportStatusSummary(context: context, groups: sorted.compactMap { groups[$0] })
    }

    /// The whole plan as one group.
    var total: Group {
        var all = Group(name: ReportText(context.term(.total)))
        for group in groups {
            for (status, count) in group.counts { all.counts[status, default: 0] += count }
            all.missing += group.missing
        }
        return all
    }

    /// A table: group, one column per status, not reported, total, share done.
    func table(caption: String, groupTitle: String, withTotal: Bool = true) -> ReportTable {
        let language = context.language
        var columns = [groupTitle]
        columns += ActionStatus.allCases.map { $0.label[language] ?? $0.rawValue }
        columns += [context.term(.notReported), context.term(.total), context.term(.doneShare)]
        var rows = groups.map(row)
        if withTotal && groups.count > 1 { rows.append(row(total)) }
        return ReportTable(caption: caption, columns: columns, rows: rows, firstColumnIsHeader: true)
    }

    /// A table of shares: group, the share of each status and of not reported, in per cent of the group's actions.
    func shareTable(caption: String, groupTitle: String, withTotal: Bool = true) -> ReportTable {
        let language = context.language
        let columns = [groupTitle] + ActionStatus.allCases.map { $0.label[language] ?? $0.rawValue } + [context.term(.notReported)]
        var groups = self.groups
        if withTotal && groups.count > 1 { groups.append(total) }
        let rows = groups.map { group -> [ReportCell] in
            let counts = ActionStatus.allCases.map { group.counts[$0] ?? 0 } + [group.missing]
            return [.content(group.name)] + counts.map { count in
                group.total == 0 ? .empty : .percent(Double(count) / Double(group.total) * 100, decimals: 1)
            }
        }
        return ReportTable(caption: caption, columns: columns, rows: rows, firstColumnIsHeader: true)
    }

    private func row(_ group: Group) -> [ReportCell] {
        var cells: [ReportCell] = [.content(group.name)]
        cells += ActionStatus.allCases.map { .number(Double(group.counts[$0] ?? 0), decimals: 0) }
        cells += [.number(Double(group.missing), decimals: 0), .number(Double(group.total), decimals: 0)]
        cells.append(group.total == 0 ? .empty : .percent(Double(group.counts[.done] ?? 0) / Double(group.total) * 100, decimals: 1))
        return cells
    }

    /// A stacked bar chart of the groups' counts, statuses that occur only.
    func chart(title: String, categoryTitle: String) -> ReportChart {
        let language = context.language
        var segments = ActionStatus.allCases.compactMap { status -> ReportBarSegment? in
            let values = groups.map { Double($0.counts[status] ?? 0) }
            guard values.contains(where: { $0 > 0 }) else { return nil }
            return ReportBarSegment(name: status.label[language] ?? status.rawValue, symbol: status.symbol, tone: "status-\(status.rawValue)",
                                    values: values)
        }
        if groups.contains(where: { $0.missing > 0 }) {
            segments.append(ReportBarSegment(name: context.term(.notReported), symbol: "?", tone: "missing",
                                             values: groups.map { Double($0.missing) }))
        }
        let all = total
        let parts = ActionStatus.allCases.compactMap { status -> String? in
            guard let count = all.counts[status], count > 0 else { return nil }
            return "\(status.label[language] ?? status.rawValue) \(count)"
        } + (all.missing > 0 ? ["\(context.term(.notReported)) \(all.missing)"] : [])
        let description = "\(title): \(context.term(.actions)) \(all.total) — " + parts.joined(separator: ", ") + "."
        return ReportChart(title: title, description: description,
                           kind: .stackedBar(categoryTitle: categoryTitle, categories: groups.map(\.name.marked), segments: segments))
    }
}

extension ReportStatusSummary.Group {
    mutating func add(_ report: StatusReport?) {
        if let report { counts[report.status, default: 0] += 1 } else { missing += 1 }
    }
}
