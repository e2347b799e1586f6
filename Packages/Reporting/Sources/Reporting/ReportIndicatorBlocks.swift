import Model

/// The blocks that show indicators: a section per indicator with its line chart, and tables of
/// many indicators with the area's latest value beside the whole country's.
struct ReportIndicatorBlocks {
    let context: ReportPlanContext

    private func term(_ term: ReportTerm) -> String { context.term(term) }

    /// The series of an indicator's chart: the area, the county, the whole country, over their years.
    func chart(_ indicator: ReportIndicator) -> ReportChart {
        let years = Array(Set((indicator.values + indicator.county + indicator.country).map(\.year))).sorted()
        func series(_ name: String, _ values: [YearValue], style: Int) -> ReportSeries? {
            guard !values.isEmpty else { return nil }
            return ReportSeries(name: name, values: years.map { year in values.last { $0.year == year }?.value }, style: style)
        }
        let area = context.text(indicator.areaName).marked
        let countyName = indicator.countyName.map { context.text($0).marked } ?? term(.wellbeingCounty)
        let lines = [series(area, indicator.values, style: 0), series(countyName, indicator.county, style: 1),
                     series(term(.wholeCountry), indicator.country, style: 2)].compactMap { $0 }
        let name = context.text(indicator.name).marked
        var description = "\(name): " + lines.map { line -> String in
            let points = zip(years, line.values).compactMap { year, value in value.map { (year, $0) } }
            guard let first = points.first, let last = points.last else { return line.name }
            return "\(line.name) \(first.0) \(indicator.cell(first.1).display(context.language)), \(last.0) \(indicator.cell(last.1).display(context.language))"
        }.joined(separator: "; ")
        if let trend = indicator.trend { description += ". \(term(.trend)): \(trend.word(context.language))" }
        if let colourClass = indicator.colourClass { description += ". \(term(.colourClass)): \(colourClass.word(context.language))" }
        return ReportChart(title: name, description: description + ".", kind: .line(years: years, series: lines), unit: indicator.unit,
                           decimals: indicator.decimals)
    }

    /// A subsection for one indicator: colour class, trend, source, linked items and the chart with its data.
    func section(_ indicator: ReportIndicator) -> ReportSection {
        var figures: [ReportKeyFigure] = []
        if let latest = indicator.latest {
            figures.append(ReportKeyFigure(label: "\(context.text(indicator.areaName).marked) \(latest.year)", value: indicator.cell(latest.value)))
        }
        if let colourClass = indicator.colourClass { figures.append(ReportKeyFigure(label: term(.colourClass), value: .colourClass(colourClass))) }
        if let trend = indicator.trend { figures.append(ReportKeyFigure(label: term(.trend), value: .trend(trend))) }
        var blocks: [ReportBlock] = [.keyFigures(figures)]
        var facts: [String] = []
        if let source = indicator.source { facts.append("\(term(.source)): \(context.text(source).marked)") }
        if let group = indicator.populationGroup { facts.append("\(term(.populationGroup)): \(context.text(group).marked)") }
        if !indicator.linkedItems.isEmpty { facts.append("\(term(.linkedItems)): \(indicator.linkedItems.joined(separator: ", "))") }
        if !facts.isEmpty { blocks.append(.paragraph(ReportText(facts.joined(separator: ". ") + "."))) }
        blocks.append(.chart(chart(indicator)))
        return ReportSection(context.text(indicator.name), blocks: blocks)
    }

    /// A table of indicators: name, group, the area's latest value and year, the whole country's
    /// value of that year, colour class, trend, source.
    func table(_ indicators: [ReportIndicator], caption: String) -> ReportTable {
        let rows = indicators.map { indicator -> [ReportCell] in
            let latest = indicator.latest
            let country = latest.flatMap { latest in indicator.country.last { $0.year == latest.year } } ?? indicator.country.last
            return [
                .text(indicator.id), .content(context.text(indicator.name)),
                indicator.populationGroup.map { .content(context.text($0)) } ?? .empty,
                indicator.cell(latest?.value), country.map { indicator.cell($0.value) } ?? .empty,
                latest.map { .text(String($0.year)) } ?? .empty,
                indicator.colourClass.map { .colourClass($0) } ?? .empty, indicator.trend.map { .trend($0) } ?? .empty,
                indicator.source.map { .content(context.text($0)) } ?? .empty,
            ]
        }
        return ReportTable(caption: caption, columns: [
            term(.number), term(.indicators), term(.populationGroup), term(.value), term(.wholeCountry), term(.year),
            term(.colourClass), term(.trend), term(.source),
        ], rows: rows, firstColumnIsHeader: true)
    }

    /// Counts of indicators per colour class as a table and a bar chart.
    func byColourClass(_ indicators: [ReportIndicator]) -> [ReportBlock] {
        let classes = ReportColourClass.allCases
        let counts = classes.map { colourClass in indicators.filter { $0.colourClass == colourClass }.count }
        let rows: [[ReportCell]] = zip(classes, counts).map { colourClass, count in
            let names = indicators.filter { $0.colourClass == colourClass }.map { context.text($0.name) }
            return [.colourClass(colourClass), .number(Double(count), decimals: 0), .content(ReportText.joined(names, separator: "; "))]
        }
        let description = zip(classes, counts).map { "\($0.word(context.language)) \($1)" }.joined(separator: ", ")
        let segments = zip(classes, counts).map {
            ReportBarSegment(name: $0.word(context.language), symbol: $0.symbol, tone: "cc-\($0.rawValue)", values: [Double($1)])
        }
        let table = ReportTable(caption: term(.indicatorsByClass), columns: [term(.colourClass), term(.count), term(.indicators)], rows: rows,
                                firstColumnIsHeader: true)
        return [.chart(ReportChart(title: term(.indicatorsByClass), description: "\(term(.indicatorsByClass)): \(description).",
                                   kind: .stackedBar(categoryTitle: term(.indicators), categories: [term(.indicators)], segments: segments),
                                   data: table))]
    }
}
