import Model

/// The indicator overview (as section 1 of the regional plan): indicators by category and by
/// goal, the area's value beside the whole country's, colour classes, sources and years.
public struct IndicatorOverviewReport: Sendable {
    /// The plan (for its goals) and the report's language.
    public var input: ReportPlanInput
    /// The indicators, filled by the caller.
    public var indicators: [ReportIndicator]

    /// An overview of `indicators` for the plan of `input`.
    public init(input: ReportPlanInput, indicators: [ReportIndicator]) {
        self.input = input
        self.indicators = indicators
    }

    /// The report; throws `ReportError.noData` when no indicator has a value.
    public func document() throws -> ReportDocument {
        let context = ReportPlanContext(input)
        guard indicators.contains(where: { !$0.values.isEmpty }) else {
            throw ReportError.noData("no indicator values were given for plan '\(input.document.plan.id)'")
        }
        let blocks = ReportIndicatorBlocks(context: context)
        var categories: [(name: ReportText, indicators: [ReportIndicator])] = []
        for indicator in indicators {
            let name = indicator.category.map { context.text($0) } ?? ReportText(context.term(.uncategorised))
            if let index = categories.firstIndex(where: { $0.name == name }) { categories[index].indicators.append(indicator) } else {
                categories.append((name, [indicator]))
            }
        }
        let byCategory = ReportSection(context.term(.byCategory), subsections: categories.map { category in
            ReportSection(category.name, blocks: [.table(blocks.table(category.indicators, caption: category.name.marked))])
        })
        let byId = Dictionary(indicators.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var linked = [String: [ReportIndicator]]()
        for indicator in indicators {
            for item in indicator.linkedItems { linked[item, default: []].append(indicator) }
        }
        let goals = input.document.allItems.compactMap { entry -> ReportSection? in
            let item = entry.item
            var shown = item.indicators.compactMap { byId[$0] }
            for indicator in linked[item.number] ?? [] where !shown.contains(where: { $0.id == indicator.id }) { shown.append(indicator) }
            guard !shown.isEmpty else { return nil }
            let heading = context.heading(item)
            var sectionBlocks: [ReportBlock] = [.table(blocks.table(shown, caption: heading.marked))]
            let unknown = item.indicators.filter { byId[$0] == nil }
            if !unknown.isEmpty { sectionBlocks.append(.note("\(context.term(.noValue)): \(unknown.joined(separator: ", "))")) }
            return ReportSection(heading, blocks: sectionBlocks)
        }
        let summary = ReportSection(context.term(.indicatorsByClass), blocks: blocks.byColourClass(indicators))
        var sections = [summary, byCategory]
        if !goals.isEmpty { sections.append(ReportSection(context.term(.bySubGoal), subsections: goals)) }
        return ReportDocument(title: context.term(.indicatorOverview), subtitle: context.subtitle(nil), language: input.language,
                              generated: input.generated, sections: sections)
    }
}
