import BusCore
import Foundation
import Model

/// Decides what an `indicator.catalogue.put` writes: each region and definition as canonical
/// JSON, compared with the stored document to count added, changed and unchanged.
struct IndicatorCataloguePlan: Sendable {
    /// The documents to store, already checked.
    struct Input: Sendable {
        /// Region id → canonical JSON.
        var regions: [(id: String, document: String)]
        /// Definition id → (category, canonical JSON).
        var indicators: [(id: String, category: String?, document: String)]
    }

    /// One record to insert or update.
    struct Write: Sendable {
        var table: String
        var id: String
        var category: String?
        var before: String?
        var after: String
    }

    var writes: [Write] = []
    var regions = IndicatorStorageContracts.Counts()
    var indicators = IndicatorStorageContracts.Counts()

    /// Compares `input` with the stored documents of the same ids.
    init(_ input: Input, storedRegions: [String: String], storedIndicators: [String: String]) {
        for region in input.regions {
            switch storedRegions[region.id] {
            case nil: regions.added += 1
            case region.document?: regions.unchanged += 1; continue
            default: regions.changed += 1
            }
            writes.append(Write(table: "indicator_region", id: region.id, category: nil,
                                before: storedRegions[region.id], after: region.document))
        }
        for indicator in input.indicators {
            switch storedIndicators[indicator.id] {
            case nil: indicators.added += 1
            case indicator.document?: indicators.unchanged += 1; continue
            default: indicators.changed += 1
            }
            writes.append(Write(table: "indicator_definition", id: indicator.id, category: indicator.category,
                                before: storedIndicators[indicator.id], after: indicator.document))
        }
    }

    var response: IndicatorStorageContracts.PutCatalogue.Response {
        .init(regions: regions, indicators: indicators)
    }

    /// The audit row of one write.
    static func audit(_ write: Write, origin: ChangeOrigin, at timestamp: String) -> AuditEntry {
        AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId,
                   operation: write.before == nil ? "create" : "update", recordType: write.table, recordId: write.id,
                   before: write.before, after: write.after)
    }

    /// Checks the request and encodes every record canonically; duplicate or empty ids are a 400.
    static func input(_ request: IndicatorStorageContracts.PutCatalogue.Request) throws -> Input {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var seen = Set<String>()
        var input = Input(regions: [], indicators: [])
        for (index, region) in request.regions.enumerated() {
            guard !region.id.isEmpty, seen.insert("r:" + region.id).inserted else {
                throw ServiceError.badRequest("regions[\(index)]: the id '\(region.id)' is empty or given twice",
                                              details: ["index": String(index), "field": "id"])
            }
            input.regions.append((region.id, String(decoding: try encoder.encode(region), as: UTF8.self)))
        }
        for (index, indicator) in request.indicators.enumerated() {
            guard !indicator.id.isEmpty, seen.insert("i:" + indicator.id).inserted else {
                throw ServiceError.badRequest("indicators[\(index)]: the id '\(indicator.id)' is empty or given twice",
                                              details: ["index": String(index), "field": "id"])
            }
            input.indicators.append((indicator.id, indicator.category?.rawValue,
                                     String(decoding: try encoder.encode(indicator), as: UTF8.self)))
        }
        return input
    }
}
