import BusCore
import Foundation
import GRDB
import Model

extension SQLiteBackend {
    func putIndicatorCatalogue(_ input: IndicatorCataloguePlan.Input, origin: ChangeOrigin,
                               at instant: Date) async throws -> IndicatorStorageContracts.PutCatalogue.Response {
        try await pool.write { db in
            var regions: [String: String] = [:]
            var indicators: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, document FROM indicator_region") {
                regions[row[0]] = row[1]
            }
            for row in try Row.fetchAll(db, sql: "SELECT id, document FROM indicator_definition") {
                indicators[row[0]] = row[1]
            }
            let plan = IndicatorCataloguePlan(input, storedRegions: regions, storedIndicators: indicators)
            let timestamp = instant.storageTimestamp
            for write in plan.writes {
                if write.table == "indicator_region" {
                    try db.execute(sql: """
                        INSERT INTO indicator_region (id, document) VALUES (?, ?)
                        ON CONFLICT (id) DO UPDATE SET document = excluded.document
                        """, arguments: [write.id, write.after])
                } else {
                    try db.execute(sql: """
                        INSERT INTO indicator_definition (id, category, document) VALUES (?, ?, ?)
                        ON CONFLICT (id) DO UPDATE SET category = excluded.category, document = excluded.document
                        """, arguments: [write.id, write.category, write.after])
                }
                var audit = IndicatorCataloguePlan.audit(write, origin: origin, at: timestamp)
                try audit.insert(db)
            }
            return plan.response
        }
    }

    func indicatorCatalogueDocuments(category: IndicatorCategory?) async throws -> (indicators: [String], regions: [String]) {
        try await pool.read { db in
            let indicators = try String.fetchAll(db, sql: """
                SELECT document FROM indicator_definition WHERE ? IS NULL OR category = ?
                """, arguments: [category?.rawValue, category?.rawValue])
            return (indicators, try String.fetchAll(db, sql: "SELECT document FROM indicator_region"))
        }
    }

    func beginIndicatorImport(id: String, fileName: String, origin: ChangeOrigin, at instant: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: """
                INSERT INTO indicator_import (id, file_name, actor, started_at, state) VALUES (?, ?, ?, ?, 'open')
                """, arguments: [id, fileName, origin.actorId, instant.storageTimestamp])
        }
    }

    /// One prepared statement, executed once per row, in one transaction.
    func stageIndicatorValues(importId: String, rows: [IndicatorValueRow]) async throws -> Int {
        try await pool.write { db in
            guard try String.fetchOne(db, sql: "SELECT state FROM indicator_import WHERE id = ?", arguments: [importId]) == "open" else {
                throw IndicatorRoutes.importNotFound(importId)
            }
            let statement = try db.cachedStatement(sql: """
                INSERT INTO indicator_import_row (import_id, \(IndicatorSchema.valueColumns))
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (import_id, indicator, region, period, gender, population_group) DO UPDATE SET
                    value = excluded.value, abs_value = excluded.abs_value, numerator = excluded.numerator,
                    denominator = excluded.denominator
                """)
            for row in rows {
                try statement.execute(arguments: [importId, row.indicator, row.region, row.period, row.gender, row.group,
                                                  row.year, row.value, row.absValue, row.numerator, row.denominator])
            }
            return try Int.fetchOne(db, sql: "SELECT count(*) FROM indicator_import_row WHERE import_id = ?",
                                    arguments: [importId]) ?? 0
        }
    }

    func commitIndicatorImport(id: String, origin: ChangeOrigin, at instant: Date) async throws -> IndicatorStorageContracts.Counts {
        try await pool.write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT state, reply FROM indicator_import WHERE id = ?", arguments: [id]) else {
                throw IndicatorRoutes.importNotFound(id)
            }
            let state: String = row[0]
            if state == "committed", let reply: String = row[1] {
                return try JSONDecoder().decode(IndicatorStorageContracts.Counts.self, from: Data(reply.utf8))
            }
            guard state == "open" else {
                throw ServiceError.conflict("the indicator import '\(id)' was aborted", details: ["importId": id])
            }
            let counts = try Row.fetchOne(db, sql: IndicatorRoutes.countSQL(same: "IS", parameter: "?"), arguments: [id])!
            let total: Int = counts[0], added: Int = counts[1], unchanged: Int = counts[2]
            let reply = IndicatorStorageContracts.Counts(added: added, changed: total - added - unchanged, unchanged: unchanged)
            try db.execute(sql: IndicatorRoutes.applySQL(parameter: "?"), arguments: [id])
            _ = try Self.deleteStagedRows(db, importId: id)
            try db.execute(sql: "UPDATE indicator_import SET state = 'committed', reply = ? WHERE id = ?",
                           arguments: [IndicatorRoutes.encode(reply), id])
            var audit = IndicatorRoutes.commitAudit(id: id, counts: reply, origin: origin, at: instant.storageTimestamp)
            try audit.insert(db)
            return reply
        }
    }

    func abortIndicatorImport(id: String) async throws -> Int {
        try await pool.write { db in
            guard try String.fetchOne(db, sql: "SELECT state FROM indicator_import WHERE id = ?", arguments: [id]) == "open" else {
                throw IndicatorRoutes.importNotFound(id)
            }
            let dropped = try Self.deleteStagedRows(db, importId: id)
            try db.execute(sql: "UPDATE indicator_import SET state = 'aborted' WHERE id = ?", arguments: [id])
            return dropped
        }
    }

    /// Deletes an import's staged rows 10 000 at a time, in the caller's transaction; returns how
    /// many. One `DELETE … WHERE import_id = ?` holds every deleted row id in memory (foreign keys
    /// are on), which grew storage by about 20 bytes per staged value during a large commit.
    static func deleteStagedRows(_ db: Database, importId: String) throws -> Int {
        var deleted = 0
        let statement = try db.cachedStatement(sql: """
            DELETE FROM indicator_import_row WHERE rowid IN
                (SELECT rowid FROM indicator_import_row WHERE import_id = ? LIMIT 10000)
            """)
        while true {
            try statement.execute(arguments: [importId])
            guard db.changesCount > 0 else { return deleted }
            deleted += db.changesCount
        }
    }

    func indicatorValues(_ query: IndicatorStorageContracts.QueryValues.Request) async throws -> [IndicatorValueRow] {
        try await pool.read { db in
            var sql = "SELECT \(IndicatorSchema.valueColumns) FROM indicator_value WHERE indicator = ?"
            var arguments: StatementArguments = [query.indicator]
            if let regions = query.regions, !regions.isEmpty {
                sql += " AND region IN (\(regions.map { _ in "?" }.joined(separator: ", ")))"
                _ = arguments.append(contentsOf: StatementArguments(regions))
            }
            if let from = query.fromYear { sql += " AND year >= ?"; _ = arguments.append(contentsOf: [from]) }
            if let to = query.toYear { sql += " AND year <= ?"; _ = arguments.append(contentsOf: [to]) }
            if let gender = query.gender { sql += " AND gender = ?"; _ = arguments.append(contentsOf: [gender.rawValue]) }
            if let group = query.group { sql += " AND population_group = ?"; _ = arguments.append(contentsOf: [group.id]) }
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                IndicatorValueRow(indicator: row[0], region: row[1], period: row[2], gender: row[3], group: row[4], year: row[5],
                                  value: row[6], absValue: row[7], numerator: row[8], denominator: row[9])
            }
        }
    }
}
