import BusCore
import Foundation
import Model

/// The catalogue and regions as storage has them, with look-ups by what a person or a file may
/// write: an id, an official code, a Sotkanet id or a name.
struct StoredCatalogue: Sendable {
    let indicators: [IndicatorDefinition]
    let regions: [Region]
    let table: IndicatorRegionTable

    init(indicators: [IndicatorDefinition], regions: [Region]) {
        self.indicators = indicators
        self.regions = regions
        table = IndicatorRegionTable(regions)
    }

    /// Reads the catalogue from storage over `bus`.
    static func load(_ bus: any BusClient, headers: RequestHeaders) async throws -> StoredCatalogue {
        let reply = try await bus.call(IndicatorStorageContracts.ListCatalogue.self, .init(), headers: headers)
        return StoredCatalogue(indicators: reply.indicators, regions: reply.regions)
    }

    /// The definition with this id, or whose Sotkanet id is `N` in `N` / `sotkanet-N`.
    func indicator(_ reference: String) -> IndicatorDefinition? {
        if let exact = indicators.first(where: { $0.id == reference }) { return exact }
        let number = Int(reference) ?? (reference.hasPrefix("sotkanet-") ? Int(reference.dropFirst(9)) : nil)
        return number.flatMap { id in indicators.first { $0.sotkanetId == id } }
    }

    /// The id values of `reference` are stored under: the definition's id, or for a bare number
    /// without a definition the Sotkanet form `sotkanet-N`.
    func storedIndicatorId(_ reference: String) -> String {
        indicator(reference)?.id ?? (Int(reference) != nil ? "sotkanet-\(reference)" : reference)
    }

    /// The definition of `reference`, or for values without one (Sotkanet data imported without
    /// its metadata) a neutral stand-in named by the id, so that values can still be compared.
    func definitionOrStandIn(_ reference: String) -> IndicatorDefinition {
        indicator(reference) ?? IndicatorDefinition(id: storedIndicatorId(reference), name: LocalizedText(fi: storedIndicatorId(reference)),
                                                    source: "", unit: .count, decimals: 1, direction: .neutral)
    }

    /// The id values of Sotkanet indicator `number` are stored under.
    func indicatorId(sotkanet number: String) -> String {
        Int(number).flatMap { id in indicators.first { $0.sotkanetId == id }?.id } ?? "sotkanet-\(number)"
    }

    /// The region with this id, code or Sotkanet id, or whose name (any language) is `reference`.
    func region(_ reference: String) -> Region? {
        if let known = table.region(reference: reference) { return known }
        if reference.hasPrefix("sotkanet-"), let id = Int(reference.dropFirst(9)), let known = table.region(sotkanetId: id) {
            return known
        }
        let folded = reference.lowercased()
        return regions.first { region in Language.allCases.contains { region.name[$0]?.lowercased() == folded } }
    }

    /// The stored id of `reference`: the known region's id, or the reference itself.
    func regionId(_ reference: String) -> String {
        region(reference)?.id ?? reference
    }

    /// The id values of Sotkanet region `number` are stored under.
    func regionId(sotkanet number: String) -> String {
        Int(number).flatMap { table.region(sotkanetId: $0)?.id } ?? "sotkanet-\(number)"
    }

    /// The whole country's region id: the region of that kind, or `whole-country`.
    var wholeCountryId: String {
        regions.first { $0.id == "whole-country" }?.id ?? regions.first { $0.kind == .wholeCountry }?.id ?? "whole-country"
    }
}
