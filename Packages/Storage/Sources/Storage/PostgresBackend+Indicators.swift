import BusCore
import Foundation
import Logging
import Model
import PostgresNIO

extension PostgresBackend {
    /// One transaction; `indicator_region` and `indicator_definition` are locked against other
    /// writers so that two workers count against the same stored documents.
    func putIndicatorCatalogue(_ input: IndicatorCataloguePlan.Input, origin: ChangeOrigin,
                               at instant: Date) async throws -> IndicatorStorageContracts.PutCatalogue.Response {
        try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                try await connection.query("LOCK TABLE indicator_region, indicator_definition IN SHARE ROW EXCLUSIVE MODE",
                                           logger: logger)
                var regions: [String: String] = [:]
                var indicators: [String: String] = [:]
                for try await (id, document) in try await connection.query(
                    "SELECT id, document FROM indicator_region", logger: logger).decode((String, String).self) {
                    regions[id] = document
                }
                for try await (id, document) in try await connection.query(
                    "SELECT id, document FROM indicator_definition", logger: logger).decode((String, String).self) {
                    indicators[id] = document
                }
                let plan = IndicatorCataloguePlan(input, storedRegions: regions, storedIndicators: indicators)
                let timestamp = instant.storageTimestamp
                for write in plan.writes {
                    if write.table == "indicator_region" {
                        try await connection.query("""
                            INSERT INTO indicator_region (id, document) VALUES (\(write.id), \(write.after))
                            ON CONFLICT (id) DO UPDATE SET document = excluded.document
                            """, logger: logger)
                    } else {
                        try await connection.query("""
                            INSERT INTO indicator_definition (id, category, document) VALUES (\(write.id), \(write.category), \(write.after))
                            ON CONFLICT (id) DO UPDATE SET category = excluded.category, document = excluded.document
                            """, logger: logger)
                    }
                    try await Self.insertAudit(IndicatorCataloguePlan.audit(write, origin: origin, at: timestamp),
                                               at: instant, on: connection, logger: logger)
                }
                return plan.response
            }
        } }
    }

    func indicatorCatalogueDocuments(category: IndicatorCategory?) async throws -> (indicators: [String], regions: [String]) {
        try await reportingDatabaseErrors {
            let category = category?.rawValue
            var indicators: [String] = []
            for try await document in try await client.query("""
                SELECT document FROM indicator_definition WHERE \(category)::text IS NULL OR category = \(category)
                """, logger: logger).decode(String.self) {
                indicators.append(document)
            }
            var regions: [String] = []
            for try await document in try await client.query("SELECT document FROM indicator_region", logger: logger).decode(String.self) {
                regions.append(document)
            }
            return (indicators, regions)
        }
    }

    func beginIndicatorImport(id: String, fileName: String, origin: ChangeOrigin, at instant: Date) async throws {
        try await reportingDatabaseErrors {
            try await client.query("""
                INSERT INTO indicator_import (id, file_name, actor, started_at, state)
                VALUES (\(id), \(fileName), \(origin.actorId), \(instant), 'open')
                """, logger: logger)
        }
    }

    /// Multi-row INSERTs of up to 1 000 rows (11 parameters each) in one transaction, the import row locked.
    func stageIndicatorValues(importId: String, rows: [IndicatorValueRow]) async throws -> Int {
        try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                let state = try await connection.query("SELECT state FROM indicator_import WHERE id = \(importId) FOR UPDATE",
                                                       logger: logger).collect().first?.decode(String.self)
                guard state == "open" else { throw IndicatorRoutes.importNotFound(importId) }
                var start = 0
                while start < rows.count {
                    let chunk = rows[start..<min(start + 1000, rows.count)]
                    start += chunk.count
                    try await connection.query(Self.stagingInsert(importId: importId, rows: chunk), logger: logger)
                }
                return try await connection.query("SELECT count(*) FROM indicator_import_row WHERE import_id = \(importId)",
                                                  logger: logger).collect().first?.decode(Int.self) ?? 0
            }
        } }
    }

    /// Binds the 11 columns of a staged value: the import id and the value's columns.
    static func appendStagedValue(_ row: IndicatorValueRow, importId: String, to bindings: inout PostgresBindings) {
        bindings.append(importId)
        bindings.append(row.indicator)
        bindings.append(row.region)
        bindings.append(row.period)
        bindings.append(row.gender)
        bindings.append(row.group)
        bindings.append(row.year)
        bindings.append(row.value)
        bindings.append(row.absValue)
        bindings.append(row.numerator)
        bindings.append(row.denominator)
    }

    private static func stagingInsert(importId: String, rows: ArraySlice<IndicatorValueRow>) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: rows.count * 11)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        var index = 0
        for row in rows {
            appendStagedValue(row, importId: importId, to: &bindings)
            tuples.append("(" + (1...11).map { "$\(index + $0)" }.joined(separator: ", ") + ")")
            index += 11
        }
        let sql = """
            INSERT INTO indicator_import_row (import_id, \(IndicatorSchema.valueColumns))
            VALUES \(tuples.joined(separator: ", "))
            ON CONFLICT (import_id, indicator, region, period, gender, population_group) DO UPDATE SET
                value = excluded.value, abs_value = excluded.abs_value, numerator = excluded.numerator,
                denominator = excluded.denominator
            """
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    /// One transaction: the import row locked (a second commit waits and returns the stored
    /// counts), `indicator_value` locked against other imports so that the counts are exact.
    func commitIndicatorImport(id: String, origin: ChangeOrigin, at instant: Date) async throws -> IndicatorStorageContracts.Counts {
        try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                guard let (state, reply) = try await connection.query(
                    "SELECT state, reply FROM indicator_import WHERE id = \(id) FOR UPDATE", logger: logger)
                    .collect().first?.decode((String, String?).self) else {
                    throw IndicatorRoutes.importNotFound(id)
                }
                if state == "committed", let reply {
                    return try JSONDecoder().decode(IndicatorStorageContracts.Counts.self, from: Data(reply.utf8))
                }
                guard state == "open" else {
                    throw ServiceError.conflict("the indicator import '\(id)' was aborted", details: ["importId": id])
                }
                try await connection.query("LOCK TABLE indicator_value IN SHARE ROW EXCLUSIVE MODE", logger: logger)
                let (total, added, unchanged) = try await connection.query(
                    PostgresQuery(unsafeSQL: IndicatorRoutes.countSQL(same: "IS NOT DISTINCT FROM", parameter: "$1"),
                                  binds: Self.bindings(id)), logger: logger)
                    .collect().first?.decode((Int, Int, Int).self) ?? (0, 0, 0)
                let counts = IndicatorStorageContracts.Counts(added: added, changed: total - added - unchanged, unchanged: unchanged)
                try await connection.query(PostgresQuery(unsafeSQL: IndicatorRoutes.applySQL(parameter: "$1"), binds: Self.bindings(id)),
                                           logger: logger)
                try await connection.query("DELETE FROM indicator_import_row WHERE import_id = \(id)", logger: logger)
                let encoded = IndicatorRoutes.encode(counts)
                try await connection.query("UPDATE indicator_import SET state = 'committed', reply = \(encoded) WHERE id = \(id)",
                                           logger: logger)
                try await Self.insertAudit(IndicatorRoutes.commitAudit(id: id, counts: counts, origin: origin,
                                                                       at: instant.storageTimestamp),
                                           at: instant, on: connection, logger: logger)
                return counts
            }
        } }
    }

    private static func bindings(_ text: String) -> PostgresBindings {
        var bindings = PostgresBindings()
        bindings.append(text)
        return bindings
    }

    func abortIndicatorImport(id: String) async throws -> Int {
        try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                let state = try await connection.query("SELECT state FROM indicator_import WHERE id = \(id) FOR UPDATE",
                                                       logger: logger).collect().first?.decode(String.self)
                guard state == "open" else { throw IndicatorRoutes.importNotFound(id) }
                let dropped = try await connection.query("""
                    WITH gone AS (DELETE FROM indicator_import_row WHERE import_id = \(id) RETURNING 1) SELECT count(*) FROM gone
                    """, logger: logger).collect().first?.decode(Int.self) ?? 0
                try await connection.query("UPDATE indicator_import SET state = 'aborted' WHERE id = \(id)", logger: logger)
                return dropped
            }
        } }
    }

    func indicatorValues(_ query: IndicatorStorageContracts.QueryValues.Request) async throws -> [IndicatorValueRow] {
        try await reportingDatabaseErrors {
            let regions = query.regions?.isEmpty == false ? query.regions : nil
            let rows = try await client.query("""
                SELECT \(unescaped: IndicatorSchema.valueColumns) FROM indicator_value
                WHERE indicator = \(query.indicator)
                  AND (\(regions)::text[] IS NULL OR region = ANY(\(regions)::text[]))
                  AND (\(query.fromYear)::integer IS NULL OR year >= \(query.fromYear))
                  AND (\(query.toYear)::integer IS NULL OR year <= \(query.toYear))
                  AND (\(query.gender?.rawValue)::text IS NULL OR gender = \(query.gender?.rawValue))
                  AND (\(query.group?.id)::text IS NULL OR population_group = \(query.group?.id))
                """, logger: logger)
            var values: [IndicatorValueRow] = []
            for try await (indicator, region, period, gender, group, year, value, absValue, numerator, denominator)
                in rows.decode((String, String, String, String, String, Int, Double?, Double?, Double?, Double?).self) {
                values.append(IndicatorValueRow(indicator: indicator, region: region, period: period, gender: gender, group: group,
                                                year: year, value: value, absValue: absValue, numerator: numerator,
                                                denominator: denominator))
            }
            return values
        }
    }
}
