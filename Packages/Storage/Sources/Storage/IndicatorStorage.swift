import BusCore
import Foundation
import GRDB
import Model

/// What the storage database keeps for the indicators service; implemented by both backends.
///
/// Values are imported all or nothing: ``beginIndicatorImport(id:fileName:origin:at:)`` opens an
/// import, batches are staged in `indicator_import_row`, and ``commitIndicatorImport(id:origin:at:)``
/// upserts them into `indicator_value` in one transaction (or ``abortIndicatorImport(id:)`` drops them).
protocol IndicatorBackend: Sendable {
    /// Upserts regions and definitions in one transaction, with an audit row per added or changed record.
    func putIndicatorCatalogue(_ plan: IndicatorCataloguePlan.Input, origin: ChangeOrigin,
                               at instant: Date) async throws -> IndicatorStorageContracts.PutCatalogue.Response
    /// The stored definitions (of `category` when given) and every region, as canonical JSON documents.
    func indicatorCatalogueDocuments(category: IndicatorCategory?) async throws -> (indicators: [String], regions: [String])
    /// Opens an import.
    func beginIndicatorImport(id: String, fileName: String, origin: ChangeOrigin, at instant: Date) async throws
    /// Stages rows; returns how many the import holds now. 404 unless the import is open.
    func stageIndicatorValues(importId: String, rows: [IndicatorValueRow]) async throws -> Int
    /// Applies the staged rows; a committed import returns its stored counts. 404/409 otherwise.
    func commitIndicatorImport(id: String, origin: ChangeOrigin, at instant: Date) async throws -> IndicatorStorageContracts.Counts
    /// Drops the staged rows and closes the import; returns how many were dropped.
    func abortIndicatorImport(id: String) async throws -> Int
    /// The stored values matching `query`.
    func indicatorValues(_ query: IndicatorStorageContracts.QueryValues.Request) async throws -> [IndicatorValueRow]

    /// Stages located rows (no key twice among them); a key already staged at another location
    /// is a 409 `duplicate_row`, at the same location it is skipped. Returns how many rows this
    /// call added (not the import's total: counting it per batch made large imports quadratic).
    /// 404 unless the import is open.
    func stageLocatedIndicatorValues(importId: String, rows: [LocatedIndicatorRow]) async throws -> Int
    /// Opens an upload, first removing uploads created before `staleBefore`; returns how many were removed.
    func beginUpload(id: String, fileName: String, size: Int, origin: ChangeOrigin, at instant: Date,
                     staleBefore: Date) async throws -> Int
    /// Stores chunk `seq` once (the same bytes again change nothing, other bytes are a 409);
    /// returns the bytes stored. 404 unless the upload exists; 400 past the upload's size.
    func putUploadChunk(id: String, seq: Int, offset: Int, data: Data) async throws -> Int
    /// Up to `maxLength` bytes from `offset` and the upload's size. 404 unless the upload exists.
    func readUpload(id: String, offset: Int, maxLength: Int) async throws -> (data: Data, size: Int)
    /// Writes the importer's figures. 404 unless the upload exists.
    func recordUploadProgress(id: String, parsedBytes: Int, stagedValues: Int) async throws
    /// The upload's figures, or nil.
    func uploadStatus(id: String) async throws -> UploadRecord?
    /// Removes the upload and its chunks; false when there was none.
    func deleteUpload(id: String) async throws -> Bool
}

/// The indicator tables on SQLite (migration v4; ``IndicatorUploadSchema`` adds v5).
enum IndicatorSchema {
    static func createSQLite(_ db: Database) throws {
        for statement in statements(real: "REAL", timestamp: "TEXT") {
            try db.execute(sql: statement)
        }
    }

    /// The same tables on PostgreSQL.
    static let postgresStatements: [String] = statements(real: "double precision", timestamp: "timestamptz")

    /// The value columns after the key, in table order.
    static let valueColumns = "indicator, region, period, gender, population_group, year, value, abs_value, numerator, denominator"

    private static func statements(real: String, timestamp: String) -> [String] {
        let valueTable = { (name: String, extraKey: String) in
            """
            CREATE TABLE \(name) (
                \(extraKey.isEmpty ? "" : "\(extraKey) text NOT NULL REFERENCES indicator_import (id),")
                indicator text NOT NULL,
                region text NOT NULL,
                period text NOT NULL,
                gender text NOT NULL CHECK (gender IN ('total', 'male', 'female')),
                population_group text NOT NULL DEFAULT '',
                year integer NOT NULL,
                value \(real),
                abs_value \(real),
                numerator \(real),
                denominator \(real),
                PRIMARY KEY (\(extraKey.isEmpty ? "" : "\(extraKey), ")indicator, region, period, gender, population_group)
            )
            """
        }
        return [
            "CREATE TABLE indicator_region (id text PRIMARY KEY, document text NOT NULL)",
            "CREATE TABLE indicator_definition (id text PRIMARY KEY, category text, document text NOT NULL)",
            "CREATE INDEX indicator_definition_on_category ON indicator_definition (category)",
            valueTable("indicator_value", ""),
            """
            CREATE TABLE indicator_import (
                id text PRIMARY KEY,
                file_name text NOT NULL,
                actor text NOT NULL,
                started_at \(timestamp) NOT NULL,
                state text NOT NULL CHECK (state IN ('open', 'committed', 'aborted')),
                reply text
            )
            """,
            valueTable("indicator_import_row", "import_id"),
            """
            CREATE TABLE plan_indicator_link (
                plan_id text NOT NULL,
                item text NOT NULL,
                indicator text NOT NULL,
                PRIMARY KEY (plan_id, item, indicator)
            )
            """,
        ]
    }
}

extension Router {
    /// Adds the routes of the indicator catalogue and values over `backend`.
    mutating func addIndicatorRoutes(_ backend: any IndicatorBackend, now: @escaping @Sendable () -> Date) {
        IndicatorRoutes.add(to: &self, backend: backend, now: now)
    }
}
