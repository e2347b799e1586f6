import Model

extension ReportChart {
    /// The chart's data as a table, shown beside (or instead of) the chart.
    func dataTable(_ language: Language) -> ReportTable {
        if let data { return data }
        let caption = "\(ReportTerm.chartData.text(language)): \(title)"
        switch kind {
        case .line(let years, let series):
            let rows = years.enumerated().map { index, year in
                [ReportCell.text(String(year))] + series.map { series in
                    guard index < series.values.count, let value = series.values[index] else { return ReportCell.empty }
                    return unit == "%" ? .percent(value, decimals: decimals) : .number(value, decimals: decimals, unit: unit)
                }
            }
            return ReportTable(caption: caption, columns: [ReportTerm.year.text(language)] + series.map(\.name), rows: rows,
                               firstColumnIsHeader: true)
        case .stackedBar(let categoryTitle, let categories, let segments):
            let rows = categories.enumerated().map { index, category in
                let values = segments.map { index < $0.values.count ? $0.values[index] : 0 }
                return [ReportCell.text(category)] + values.map { ReportCell.number($0, decimals: decimals) }
                    + [ReportCell.number(values.reduce(0, +), decimals: decimals)]
            }
            return ReportTable(caption: caption, columns: [categoryTitle] + segments.map { "\($0.symbol) \($0.name)" } + [ReportTerm.total.text(language)],
                               rows: rows, firstColumnIsHeader: true)
        }
    }
}
