import Model

extension ReportIndicator {
    /// The report's form of an indicator of `indicator.report-data`: the area's series, the whole
    /// country's and the wellbeing county's (or, without one, the first other reference region's).
    public init(data: ReportIndicatorContracts.IndicatorData) {
        let definition = data.definition
        let area = data.series.first { $0.role == .area }
        let county = data.series.first { $0.role == .wellbeingCounty } ?? data.series.first { $0.role == .reference }
        let unit: String? = switch definition.unit {
        case .percent: "%"
        case .count: "lkm"
        default: definition.unit.symbol
        }
        self.init(id: definition.id, name: definition.name, unit: unit, decimals: definition.decimals, direction: definition.direction,
                  source: definition.source.isEmpty ? definition.provider : LocalizedText(fi: definition.source),
                  category: definition.category?.label, populationGroup: data.populationGroup,
                  areaName: area?.name ?? LocalizedText(fi: "Alue", sv: "Område", en: "Area"),
                  values: area?.values ?? [], country: data.series.first { $0.role == .wholeCountry }?.values ?? [],
                  county: county?.values ?? [], countyName: county?.name,
                  colourClass: data.colourClass.flatMap { ReportColourClass(rawValue: $0.rawValue) },
                  trend: data.trend.flatMap { ReportTrend(rawValue: $0.rawValue) }, linkedItems: data.linkedItems,
                  references: data.references)
    }
}
