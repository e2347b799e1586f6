import BusCore
import Foundation
import GRDB
import Model

extension SQLiteBackend {
    /// One prepared statement per row in one transaction; a row whose key is taken is looked up
    /// to tell a batch sent again from a duplicate.
    func stageLocatedIndicatorValues(importId: String, rows: [LocatedIndicatorRow]) async throws -> Int {
        try await pool.write { db in
            guard try String.fetchOne(db, sql: "SELECT state FROM indicator_import WHERE id = ?", arguments: [importId]) == "open" else {
                throw IndicatorRoutes.importNotFound(importId)
            }
            var added = 0
            let insert = try db.cachedStatement(sql: """
                INSERT INTO indicator_import_row (import_id, \(IndicatorSchema.valueColumns), line, location)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (import_id, indicator, region, period, gender, population_group) DO NOTHING
                """)
            for located in rows {
                let row = located.row
                try insert.execute(arguments: [importId, row.indicator, row.region, row.period, row.gender, row.group,
                                               row.year, row.value, row.absValue, row.numerator, row.denominator,
                                               located.line, located.location])
                guard db.changesCount == 0 else { added += 1; continue }
                let staged = try Row.fetchOne(db, sql: """
                    SELECT line, location FROM indicator_import_row
                    WHERE import_id = ? AND indicator = ? AND region = ? AND period = ? AND gender = ? AND population_group = ?
                    """, arguments: [importId, row.indicator, row.region, row.period, row.gender, row.group])
                if let error = IndicatorUploadRoutes.conflict(located, stagedLine: staged?[0], stagedLocation: staged?[1]) {
                    throw error
                }
            }
            return added
        }
    }

    func beginUpload(id: String, fileName: String, size: Int, origin: ChangeOrigin, at instant: Date,
                     staleBefore: Date) async throws -> Int {
        try await pool.write { db in
            let stale = staleBefore.storageTimestamp
            try db.execute(sql: "DELETE FROM upload_chunk WHERE upload_id IN (SELECT id FROM upload WHERE created_at < ?)",
                           arguments: [stale])
            try db.execute(sql: "DELETE FROM upload WHERE created_at < ?", arguments: [stale])
            let removed = db.changesCount
            try db.execute(sql: "INSERT INTO upload (id, file_name, size, actor, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [id, fileName, size, origin.actorId, instant.storageTimestamp])
            return removed
        }
    }

    func putUploadChunk(id: String, seq: Int, offset: Int, data: Data) async throws -> Int {
        try await pool.write { db in
            guard let size = try Int.fetchOne(db, sql: "SELECT size FROM upload WHERE id = ?", arguments: [id]) else {
                throw IndicatorUploadRoutes.uploadNotFound(id)
            }
            guard offset + data.count <= size else {
                throw ServiceError.badRequest("chunk \(seq) ends at byte \(offset + data.count), past the upload's size \(size)",
                                              details: ["uploadId": id, "seq": String(seq)])
            }
            try db.execute(sql: """
                INSERT INTO upload_chunk (upload_id, seq, byte_offset, size, data) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (upload_id, seq) DO NOTHING
                """, arguments: [id, seq, offset, data.count, data])
            if db.changesCount == 0 {
                let stored = try Row.fetchOne(db, sql: "SELECT byte_offset, data FROM upload_chunk WHERE upload_id = ? AND seq = ?",
                                              arguments: [id, seq])
                guard let stored, stored[0] as Int == offset, stored[1] as Data == data else {
                    throw ServiceError.conflict("chunk \(seq) of upload '\(id)' was stored with other bytes",
                                                details: ["uploadId": id, "seq": String(seq)])
                }
            }
            return try Int.fetchOne(db, sql: "SELECT COALESCE(SUM(size), 0) FROM upload_chunk WHERE upload_id = ?",
                                    arguments: [id]) ?? 0
        }
    }

    func readUpload(id: String, offset: Int, maxLength: Int) async throws -> (data: Data, size: Int) {
        try await pool.read { db in
            guard let size = try Int.fetchOne(db, sql: "SELECT size FROM upload WHERE id = ?", arguments: [id]) else {
                throw IndicatorUploadRoutes.uploadNotFound(id)
            }
            let end = min(size, offset + maxLength)
            guard offset < end else { return (Data(), size) }
            let chunks = try Row.fetchAll(db, sql: """
                SELECT byte_offset, data FROM upload_chunk
                WHERE upload_id = ? AND byte_offset > ? AND byte_offset < ? AND byte_offset + size > ?
                ORDER BY byte_offset
                """, arguments: [id, offset - IndicatorUploadContracts.maximumChunkSize - 1, end, offset])
                .map { (offset: $0[0] as Int, data: $0[1] as Data) }
            return (try IndicatorUploadRoutes.assemble(chunks, id: id, offset: offset, maxLength: maxLength, size: size), size)
        }
    }

    func recordUploadProgress(id: String, parsedBytes: Int, stagedValues: Int) async throws {
        try await pool.write { db in
            try db.execute(sql: "UPDATE upload SET parsed_bytes = ?, staged_values = ? WHERE id = ?",
                           arguments: [parsedBytes, stagedValues, id])
            guard db.changesCount > 0 else { throw IndicatorUploadRoutes.uploadNotFound(id) }
        }
    }

    func uploadStatus(id: String) async throws -> UploadRecord? {
        try await pool.read { db in
            guard let upload = try Row.fetchOne(db, sql: "SELECT file_name, size, parsed_bytes, staged_values FROM upload WHERE id = ?",
                                                arguments: [id]) else { return nil }
            let chunks = try Row.fetchOne(db, sql: "SELECT count(*), COALESCE(SUM(size), 0) FROM upload_chunk WHERE upload_id = ?",
                                          arguments: [id])!
            return UploadRecord(fileName: upload[0], size: upload[1], received: chunks[1], chunks: chunks[0],
                                parsedBytes: upload[2], stagedValues: upload[3])
        }
    }

    func deleteUpload(id: String) async throws -> Bool {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM upload_chunk WHERE upload_id = ?", arguments: [id])
            try db.execute(sql: "DELETE FROM upload WHERE id = ?", arguments: [id])
            return db.changesCount > 0
        }
    }
}
