import BusCore
import Foundation
import Model

/// Answers `indicator.compare` and `indicator.series` from the values storage holds.
struct IndicatorQueries {
    let bus: any BusClient
    let headers: RequestHeaders

    func compare(_ request: IndicatorContracts.Compare.Request) async throws -> IndicatorContracts.Compare.Response {
        let catalogue = try await StoredCatalogue.load(bus, headers: headers)
        let definition = catalogue.definitionOrStandIn(request.indicator)
        let regionId = catalogue.regionId(request.region)
        let referenceId = request.reference == "whole-country" ? catalogue.wholeCountryId : catalogue.regionId(request.reference)
        let values = try await bus.call(IndicatorStorageContracts.QueryValues.self, .init(
            indicator: definition.id, regions: [regionId, referenceId], toYear: request.year, gender: request.gender,
            group: request.group), headers: headers).values
        // Pairs of the same period and group where both regions have a value; the latest (of the year when given) wins.
        var reference: [String: IndicatorValue] = [:]
        for value in values where value.region == referenceId && value.value != nil {
            reference["\(value.period)|\(value.group?.id ?? "")"] = value
        }
        let pairs = values.compactMap { value -> (IndicatorValue, IndicatorValue)? in
            guard value.region == regionId, value.value != nil, request.year.map({ value.period.year == $0 }) ?? true,
                  let other = reference["\(value.period)|\(value.group?.id ?? "")"] else { return nil }
            return (value, other)
        }
        let groupOrder = definition.groups.map(\.id)
        let chosen = pairs.sorted { a, b in
            if a.0.period != b.0.period { return a.0.period > b.0.period }
            let rank = { (group: IndicatorPopulationGroup?) in group.map { groupOrder.firstIndex(of: $0.id) ?? groupOrder.count } ?? -1 }
            return (rank(a.0.group), a.0.group?.id ?? "") < (rank(b.0.group), b.0.group?.id ?? "")
        }.first
        guard let (value, other) = chosen, let number = value.value, let referenceNumber = other.value else {
            let when = request.year.map { " in \($0)" } ?? ""
            throw ServiceError.notFound("indicator '\(definition.id)' has no values for both '\(regionId)' and '\(referenceId)'\(when)",
                                        details: ["indicator": definition.id, "region": regionId, "reference": referenceId])
        }
        let comparison = IndicatorComparison(value: number, reference: referenceNumber, indicator: definition)
        return .init(indicator: definition, region: catalogue.region(regionId), referenceRegion: catalogue.region(referenceId),
                     regionId: regionId, referenceId: referenceId, period: value.period, group: value.group, value: number,
                     referenceValue: referenceNumber, difference: comparison.difference,
                     relativeDifference: comparison.relativeDifference, colour: comparison.colour.rawValue)
    }

    func series(_ request: IndicatorContracts.Series.Request) async throws -> IndicatorContracts.Series.Response {
        let catalogue = try await StoredCatalogue.load(bus, headers: headers)
        let definition = catalogue.indicator(request.indicator)
        let indicatorId = catalogue.storedIndicatorId(request.indicator)
        let regions = request.regions?.map { $0 == "whole-country" ? catalogue.wholeCountryId : catalogue.regionId($0) }
        let values = try await bus.call(IndicatorStorageContracts.QueryValues.self, .init(
            indicator: indicatorId, regions: regions, fromYear: request.fromYear, toYear: request.toYear,
            gender: request.gender, group: request.group), headers: headers).values
        if values.isEmpty && definition == nil {
            throw ServiceError.notFound("no indicator '\(request.indicator)' in the catalogue and no values for it",
                                        details: ["indicator": request.indicator])
        }
        let direction = definition?.direction ?? .neutral
        // One pass over the values: a series per region, gender and group, each by period.
        struct LineKey: Hashable {
            var region: String
            var gender: Gender
            var group: IndicatorPopulationGroup?
        }
        var byLine: [LineKey: [ReportingPeriod: IndicatorValue]] = [:]
        for value in values {
            let key = LineKey(region: value.region, gender: value.gender, group: value.group)
            if byLine[key]?[value.period] == nil { byLine[key, default: [:]][value.period] = value }
        }
        let series = IndicatorSeries.grouping(values).map { line in
            let byPeriod = byLine[LineKey(region: line.region, gender: line.gender, group: line.group)] ?? [:]
            return IndicatorContracts.Series.RegionSeries(
                region: line.region, gender: line.gender, group: line.group,
                values: line.points.compactMap { byPeriod[$0.period] },
                trend: line.trend(direction: direction).map(Self.trend))
        }
        let used = Set(series.map(\.region))
        return .init(indicator: definition, regions: catalogue.regions.filter { used.contains($0.id) }, series: series)
    }

    static func trend(_ trend: IndicatorTrend) -> IndicatorContracts.Series.Trend {
        .init(assessment: trend.assessment.rawValue, movement: trend.movement.rawValue, slopePerYear: trend.slopePerYear,
              relativeSlope: trend.relativeSlope, lastedPeriods: trend.lastedPeriods, points: trend.points)
    }
}
