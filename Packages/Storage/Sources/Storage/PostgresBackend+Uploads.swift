import BusCore
import Foundation
import Logging
import Model
import PostgresNIO

extension PostgresBackend {
    /// Multi-row INSERTs that skip taken keys and return the keys they inserted, in one
    /// transaction with the import row locked; a row that was skipped is looked up to tell a
    /// batch sent again from a duplicate.
    func stageLocatedIndicatorValues(importId: String, rows: [LocatedIndicatorRow]) async throws -> Int {
        try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                let state = try await connection.query("SELECT state FROM indicator_import WHERE id = \(importId) FOR UPDATE",
                                                       logger: logger).collect().first?.decode(String.self)
                guard state == "open" else { throw IndicatorRoutes.importNotFound(importId) }
                var added = 0
                var start = 0
                while start < rows.count {
                    let chunk = rows[start..<min(start + 1000, rows.count)]
                    start += chunk.count
                    var inserted = Set<[String]>()
                    let result = try await connection.query(Self.locatedInsert(importId: importId, rows: chunk), logger: logger)
                    for try await (indicator, region, period, gender, group) in result.decode((String, String, String, String, String).self) {
                        inserted.insert([indicator, region, period, gender, group])
                    }
                    added += inserted.count
                    guard inserted.count < chunk.count else { continue }
                    for located in chunk where !inserted.contains(located.key) {
                        let row = located.row
                        let staged = try await connection.query("""
                            SELECT line, location FROM indicator_import_row
                            WHERE import_id = \(importId) AND indicator = \(row.indicator) AND region = \(row.region)
                              AND period = \(row.period) AND gender = \(row.gender) AND population_group = \(row.group)
                            """, logger: logger).collect().first?.decode((Int?, String?).self)
                        if let error = IndicatorUploadRoutes.conflict(located, stagedLine: staged?.0, stagedLocation: staged?.1) {
                            throw error
                        }
                    }
                }
                return added
            }
        } }
    }

    private static func locatedInsert(importId: String, rows: ArraySlice<LocatedIndicatorRow>) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: rows.count * 13)
        var tuples: [String] = []
        tuples.reserveCapacity(rows.count)
        var index = 0
        for located in rows {
            appendStagedValue(located.row, importId: importId, to: &bindings)
            bindings.append(located.line)
            bindings.append(located.location)
            tuples.append("(" + (1...13).map { "$\(index + $0)" }.joined(separator: ", ") + ")")
            index += 13
        }
        let sql = """
            INSERT INTO indicator_import_row (import_id, \(IndicatorSchema.valueColumns), line, location)
            VALUES \(tuples.joined(separator: ", "))
            ON CONFLICT (import_id, indicator, region, period, gender, population_group) DO NOTHING
            RETURNING indicator, region, period, gender, population_group
            """
        return PostgresQuery(unsafeSQL: sql, binds: bindings)
    }

    func beginUpload(id: String, fileName: String, size: Int, origin: ChangeOrigin, at instant: Date,
                     staleBefore: Date) async throws -> Int {
        try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                let removed = try await connection.query("""
                    WITH gone AS (DELETE FROM upload WHERE created_at < \(staleBefore) RETURNING 1) SELECT count(*) FROM gone
                    """, logger: logger).collect().first?.decode(Int.self) ?? 0
                try await connection.query("""
                    INSERT INTO upload (id, file_name, size, actor, created_at)
                    VALUES (\(id), \(fileName), \(size), \(origin.actorId), \(instant))
                    """, logger: logger)
                return removed
            }
        } }
    }

    func putUploadChunk(id: String, seq: Int, offset: Int, data: Data) async throws -> Int {
        try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                guard let size = try await connection.query("SELECT size FROM upload WHERE id = \(id) FOR SHARE", logger: logger)
                    .collect().first?.decode(Int.self) else {
                    throw IndicatorUploadRoutes.uploadNotFound(id)
                }
                guard offset + data.count <= size else {
                    throw ServiceError.badRequest("chunk \(seq) ends at byte \(offset + data.count), past the upload's size \(size)",
                                                  details: ["uploadId": id, "seq": String(seq)])
                }
                let inserted = try await connection.query("""
                    INSERT INTO upload_chunk (upload_id, seq, byte_offset, size, data) VALUES (\(id), \(seq), \(offset), \(data.count), \(data))
                    ON CONFLICT (upload_id, seq) DO NOTHING RETURNING 1
                    """, logger: logger).collect()
                if inserted.isEmpty {
                    let stored = try await connection.query("SELECT byte_offset, data FROM upload_chunk WHERE upload_id = \(id) AND seq = \(seq)",
                                                            logger: logger).collect().first?.decode((Int, Data).self)
                    guard let stored, stored.0 == offset, stored.1 == data else {
                        throw ServiceError.conflict("chunk \(seq) of upload '\(id)' was stored with other bytes",
                                                    details: ["uploadId": id, "seq": String(seq)])
                    }
                }
                return try await connection.query("SELECT COALESCE(SUM(size), 0)::bigint FROM upload_chunk WHERE upload_id = \(id)",
                                                  logger: logger).collect().first?.decode(Int.self) ?? 0
            }
        } }
    }

    func readUpload(id: String, offset: Int, maxLength: Int) async throws -> (data: Data, size: Int) {
        try await reportingDatabaseErrors {
            guard let size = try await client.query("SELECT size FROM upload WHERE id = \(id)", logger: logger)
                .collect().first?.decode(Int.self) else {
                throw IndicatorUploadRoutes.uploadNotFound(id)
            }
            let end = min(size, offset + maxLength)
            guard offset < end else { return (Data(), size) }
            let lowest = offset - IndicatorUploadContracts.maximumChunkSize - 1
            var chunks: [(offset: Int, data: Data)] = []
            for try await (start, data) in try await client.query("""
                SELECT byte_offset, data FROM upload_chunk
                WHERE upload_id = \(id) AND byte_offset > \(lowest) AND byte_offset < \(end) AND byte_offset + size > \(offset)
                ORDER BY byte_offset
                """, logger: logger).decode((Int, Data).self) {
                chunks.append((start, data))
            }
            return (try IndicatorUploadRoutes.assemble(chunks, id: id, offset: offset, maxLength: maxLength, size: size), size)
        }
    }

    func recordUploadProgress(id: String, parsedBytes: Int, stagedValues: Int) async throws {
        try await reportingDatabaseErrors {
            let updated = try await client.query("""
                UPDATE upload SET parsed_bytes = \(parsedBytes), staged_values = \(stagedValues) WHERE id = \(id) RETURNING 1
                """, logger: logger).collect()
            guard !updated.isEmpty else { throw IndicatorUploadRoutes.uploadNotFound(id) }
        }
    }

    func uploadStatus(id: String) async throws -> UploadRecord? {
        try await reportingDatabaseErrors {
            guard let (fileName, size, parsed, staged) = try await client.query("""
                SELECT file_name, size, parsed_bytes, staged_values FROM upload WHERE id = \(id)
                """, logger: logger).collect().first?.decode((String, Int, Int, Int).self) else { return nil }
            let (chunks, received) = try await client.query("""
                SELECT count(*), COALESCE(SUM(size), 0)::bigint FROM upload_chunk WHERE upload_id = \(id)
                """, logger: logger).collect().first?.decode((Int, Int).self) ?? (0, 0)
            return UploadRecord(fileName: fileName, size: size, received: received, chunks: chunks, parsedBytes: parsed,
                                stagedValues: staged)
        }
    }

    func deleteUpload(id: String) async throws -> Bool {
        try await reportingDatabaseErrors {
            // The chunks go with the upload (ON DELETE CASCADE).
            !(try await client.query("DELETE FROM upload WHERE id = \(id) RETURNING 1", logger: logger).collect().isEmpty)
        }
    }
}
