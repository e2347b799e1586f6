import BusCore
import Foundation
import Model

/// The `indicator.*` operations of the storage service.
enum IndicatorRoutes {
    static func add(to router: inout Router, backend: any IndicatorBackend, now: @escaping @Sendable () -> Date) {
        router.on(IndicatorStorageContracts.PutCatalogue.self) { request, context in
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let reply = try await backend.putIndicatorCatalogue(try IndicatorCataloguePlan.input(request), origin: origin, at: now())
            context.logger.info("indicator catalogue stored", metadata: [
                "regionsAdded": "\(reply.regions.added)", "regionsChanged": "\(reply.regions.changed)",
                "indicatorsAdded": "\(reply.indicators.added)", "indicatorsChanged": "\(reply.indicators.changed)",
            ])
            return reply
        }
        router.on(IndicatorStorageContracts.ListCatalogue.self) { request, _ in
            let (indicators, regions) = try await backend.indicatorCatalogueDocuments(category: request.category)
            let decoder = JSONDecoder()
            let definitions = try indicators.map { try decoder.decode(IndicatorDefinition.self, from: Data($0.utf8)) }
            return .init(indicators: definitions.sorted { IndicatorRoutes.idOrder($0.id, $1.id) },
                         regions: try regions.map { try decoder.decode(Region.self, from: Data($0.utf8)) }.sorted { $0.id < $1.id })
        }
        router.on(IndicatorStorageContracts.BeginImport.self) { request, context in
            let id = UUID().uuidString.lowercased()
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            try await backend.beginIndicatorImport(id: id, fileName: request.fileName, origin: origin, at: now())
            return .init(importId: id)
        }
        router.on(IndicatorStorageContracts.StageBatch.self) { request, _ in
            .init(staged: try await backend.stageIndicatorValues(importId: request.importId,
                                                                 rows: try IndicatorValueRow.validated(request.values)))
        }
        router.on(IndicatorStorageContracts.CommitImport.self) { request, context in
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let counts = try await backend.commitIndicatorImport(id: request.importId, origin: origin, at: now())
            context.logger.info("indicator import committed", metadata: [
                "import": "\(request.importId)", "added": "\(counts.added)", "changed": "\(counts.changed)",
                "unchanged": "\(counts.unchanged)",
            ])
            return counts
        }
        router.on(IndicatorStorageContracts.AbortImport.self) { request, _ in
            .init(dropped: try await backend.abortIndicatorImport(id: request.importId))
        }
        router.on(IndicatorStorageContracts.QueryValues.self) { request, _ in
            .init(values: IndicatorValueRow.ordered(try await backend.indicatorValues(request).map { try $0.model() }))
        }
        IndicatorUploadRoutes.add(to: &router, backend: backend, now: now)
    }

    /// Numeric ids numerically (`2` before `10`), then others by text.
    static func idOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (Int(lhs), Int(rhs)) {
        case let (left?, right?): left < right
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs < rhs
        }
    }

    /// The 404 for an import id that is not open.
    static func importNotFound(_ id: String) -> ServiceError {
        ServiceError.notFound("no open indicator import '\(id)'", details: ["importId": id])
    }

    /// The audit row of a committed import.
    static func commitAudit(id: String, counts: IndicatorStorageContracts.Counts, origin: ChangeOrigin,
                            at timestamp: String) -> AuditEntry {
        AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId,
                   operation: IndicatorStorageContracts.CommitImport.operation, recordType: "indicator_import",
                   recordId: id, before: nil, after: encode(counts))
    }

    /// Canonical JSON of a reply.
    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// The statement counting added and unchanged staged rows of an import; `same` is the
    /// null-safe equality (`IS` on SQLite, `IS NOT DISTINCT FROM` on PostgreSQL).
    static func countSQL(same: String, parameter: String) -> String {
        """
        SELECT count(*),
               COALESCE(SUM(CASE WHEN v.indicator IS NULL THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN v.indicator IS NOT NULL AND s.value \(same) v.value AND s.abs_value \(same) v.abs_value
                                  AND s.numerator \(same) v.numerator AND s.denominator \(same) v.denominator
                            THEN 1 ELSE 0 END), 0)
        FROM indicator_import_row s
        LEFT JOIN indicator_value v ON v.indicator = s.indicator AND v.region = s.region AND v.period = s.period
                                   AND v.gender = s.gender AND v.population_group = s.population_group
        WHERE s.import_id = \(parameter)
        """
    }

    /// The statement upserting an import's staged rows into `indicator_value`.
    static func applySQL(parameter: String) -> String {
        """
        INSERT INTO indicator_value (\(IndicatorSchema.valueColumns))
        SELECT \(IndicatorSchema.valueColumns) FROM indicator_import_row WHERE import_id = \(parameter)
        ON CONFLICT (indicator, region, period, gender, population_group) DO UPDATE SET
            value = excluded.value, abs_value = excluded.abs_value, numerator = excluded.numerator,
            denominator = excluded.denominator
        """
    }
}
