import BusCore
import Foundation
import Model

/// Answers `indicator.report-data` from stored data: for each indicator the plan's items list
/// (in the order first listed), the area's series and the reference regions', the colour class
/// against the whole country, the trend, the linked items and the other ids the plan named it by;
/// plus development sentences.
struct IndicatorReportData {
    let bus: any BusClient
    let headers: RequestHeaders

    typealias Contract = ReportIndicatorContracts.ReportData

    func answer(_ request: Contract.Request) async throws -> Contract.Response {
        let catalogue = try await StoredCatalogue.load(bus, headers: headers)
        guard let area = await IndicatorAreaResolver(catalogue: catalogue).region(for: request.area, bus: bus, headers: headers) else {
            throw ServiceError.notFound("the area '\(request.area)' is not a known region; import a catalogue or region table that has it",
                                        details: ["area": request.area])
        }
        let references = referenceRegions(request, area: area, catalogue: catalogue)
        var order: [String] = []
        var linked: [String: Set<String>] = [:]
        var aliases: [String: Set<String>] = [:]
        for item in request.items {
            for reference in item.indicators {
                let id = catalogue.indicator(reference)?.id ?? reference
                if linked[id] == nil { order.append(id) }
                linked[id, default: []].insert(item.item)
                if reference != id { aliases[id, default: []].insert(reference) }
            }
        }
        var result: [ReportIndicatorContracts.IndicatorData] = []
        var allSeries: [IndicatorSeries] = []
        var definitions: [IndicatorDefinition] = []
        for id in order {
            guard let definition = catalogue.indicator(id) else { continue }
            let values = try await bus.call(IndicatorStorageContracts.QueryValues.self, .init(
                indicator: definition.id, regions: [area.id] + references.map(\.region.id), toYear: request.year, gender: .total),
                headers: headers).values
            let areaValues = values.filter { $0.region == area.id && $0.value != nil }
            guard !areaValues.isEmpty else { continue }
            let group = chooseGroup(areaValues, definition: definition)
            let chosen = values.filter { $0.group == group }
            func yearValues(_ region: String) -> [YearValue] {
                chosen.filter { $0.region == region && $0.period.part == .year }.sorted { $0.period < $1.period }
                    .compactMap { point in point.value.map { YearValue(year: point.period.year, value: $0) } }
            }
            var series = [ReportIndicatorContracts.RegionSeries(regionId: area.id, name: area.name, role: .area,
                                                                 values: yearValues(area.id))]
            for reference in references {
                let points = yearValues(reference.region.id)
                if !points.isEmpty {
                    series.append(.init(regionId: reference.region.id, name: reference.region.name, role: reference.role, values: points))
                }
            }
            let areaSeries = IndicatorSeries(indicator: definition.id, region: area.id, group: group,
                                             points: chosen.filter { $0.region == area.id }.map { .init(period: $0.period, value: $0.value) })
            allSeries.append(areaSeries)
            definitions.append(definition)
            result.append(.init(definition: definition, populationGroup: group?.label, series: series,
                                colourClass: colour(chosen, area: area.id, wholeCountry: catalogue.wholeCountryId, definition: definition),
                                trend: areaSeries.trend(direction: definition.direction).map(Self.trend),
                                linkedItems: (linked[definition.id] ?? []).sorted(),
                                references: aliases[definition.id].map { $0.sorted() }))
        }
        return .init(indicators: result, developments: developments(allSeries, definitions: definitions))
    }

    private func referenceRegions(_ request: Contract.Request, area: Region,
                                  catalogue: StoredCatalogue) -> [(region: Region, role: ReportIndicatorContracts.SeriesRole)] {
        var list: [(Region, ReportIndicatorContracts.SeriesRole)] = []
        func add(_ region: Region?, _ role: ReportIndicatorContracts.SeriesRole) {
            guard let region, region.id != area.id, !list.contains(where: { $0.0.id == region.id }) else { return }
            list.append((region, role))
        }
        if let parent = area.parent, let county = catalogue.region(parent), county.kind == .wellbeingCounty {
            add(county, .wellbeingCounty)
        }
        for reference in request.referenceRegions {
            if reference == "whole-country" {
                add(catalogue.region(catalogue.wholeCountryId), .wholeCountry)
            } else if let region = catalogue.region(reference) {
                add(region, region.kind == .wholeCountry ? .wholeCountry : region.kind == .wellbeingCounty ? .wellbeingCounty : .reference)
            }
        }
        if !list.contains(where: { $0.1 == .wholeCountry }) { add(catalogue.region(catalogue.wholeCountryId), .wholeCountry) }
        return list
    }

    /// No group when the area has such values, else the first of the definition's groups the area has, else the first by id.
    private func chooseGroup(_ values: [IndicatorValue], definition: IndicatorDefinition) -> IndicatorPopulationGroup? {
        let groups = Set(values.map(\.group))
        if groups.contains(nil) { return nil }
        return definition.groups.first { groups.contains($0) } ?? groups.compactMap { $0 }.sorted().first
    }

    private func colour(_ values: [IndicatorValue], area: String, wholeCountry: String,
                        definition: IndicatorDefinition) -> ReportIndicatorContracts.ColourClass? {
        let country = Dictionary(values.filter { $0.region == wholeCountry }.compactMap { v in v.value.map { (v.period, $0) } },
                                 uniquingKeysWith: { first, _ in first })
        guard let latest = values.filter({ $0.region == area && $0.value != nil && country[$0.period] != nil })
            .max(by: { $0.period < $1.period }), let value = latest.value, let reference = country[latest.period] else { return nil }
        return ReportIndicatorContracts.ColourClass(
            rawValue: IndicatorComparison(value: value, reference: reference, indicator: definition).colour.rawValue)
    }

    static func trend(_ trend: IndicatorTrend) -> ReportIndicatorContracts.Trend {
        switch trend.assessment {
        case .improving: .improving
        case .worsening: .worsening
        case .stable: .stable
        }
    }

    /// Each series' latest step, as sentences in Finnish, Swedish and English.
    private func developments(_ series: [IndicatorSeries], definitions: [IndicatorDefinition]) -> ReportIndicatorContracts.Developments {
        var positive: [LocalizedText] = []
        var negative: [LocalizedText] = []
        for line in series {
            guard let latest = line.points.filter({ $0.value != nil }).map(\.period).max() else { continue }
            let found = IndicatorDevelopment.developments(series: [line], definitions: definitions, into: latest)
            for development in found.positive + found.negative {
                let text = LocalizedText(fi: development.sentence(.fi), sv: development.sentence(.sv), en: development.sentence(.en))
                if development.isPositive { positive.append(text) } else { negative.append(text) }
            }
        }
        return .init(positive: positive, negative: negative)
    }
}
