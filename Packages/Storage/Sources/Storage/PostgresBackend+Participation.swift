import BusCore
import Foundation
import Logging
import Model
import PostgresNIO

extension PostgresBackend {
    func participationRecord(kind: ParticipationStorageRecordKind, parent: String, id: String) async throws -> String? {
        try await reportingDatabaseErrors {
            let rows = try await client.query("""
                SELECT document FROM participation_record WHERE kind = \(kind.rawValue) AND parent = \(parent) AND id = \(id)
                """, logger: logger)
            for try await document in rows.decode(String.self) { return document }
            return nil
        }
    }

    func participationRecords(kind: ParticipationStorageRecordKind, parent: String) async throws -> [String] {
        try await reportingDatabaseErrors {
            let rows = try await client.query("""
                SELECT document FROM participation_record WHERE kind = \(kind.rawValue) AND parent = \(parent)
                ORDER BY position, id COLLATE "C"
                """, logger: logger)
            var documents: [String] = []
            for try await document in rows.decode(String.self) { documents.append(document) }
            return documents
        }
    }

    /// One transaction: claim the request id (audited kinds), take an advisory lock on the kind and
    /// parent so that positions are given one writer at a time, then write each record and its audit row.
    func saveParticipationRecords(_ request: ParticipationStorageContracts.SaveRecords.Request, origin: ChangeOrigin,
                                  at instant: Date) async throws -> ParticipationSaveResult {
        let operation = ParticipationStorageContracts.SaveRecords.operation
        let requestId = origin.requestId
        let kind = request.kind.rawValue
        return try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                if request.kind.isAudited,
                   let stored = try await Self.claim(requestId, operation: operation, at: instant, on: connection, logger: logger) {
                    let reply = try ProcessedReply.decode(ParticipationStorageContracts.SaveRecords.Response.self,
                                                          expected: operation, stored: stored.operation,
                                                          reply: stored.reply, requestId: requestId)
                    return ParticipationSaveResult(reply: reply, replayed: true)
                }
                let lockKey = "participation:\(kind):\(request.parent)"
                try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(lockKey), 0))", logger: logger)
                var reply = ParticipationStorageContracts.SaveRecords.Response(created: 0, updated: 0)
                for record in request.records {
                    var before: String?
                    let rows = try await connection.query("""
                        SELECT document FROM participation_record
                        WHERE kind = \(kind) AND parent = \(request.parent) AND id = \(record.id) FOR UPDATE
                        """, logger: logger)
                    for try await document in rows.decode(String.self) { before = document }
                    if before == nil {
                        try await connection.query("""
                            INSERT INTO participation_record (kind, parent, id, position, document)
                            VALUES (\(kind), \(request.parent), \(record.id),
                                    (SELECT COALESCE(MAX(position), 0) + 1 FROM participation_record
                                     WHERE kind = \(kind) AND parent = \(request.parent)), \(record.document))
                            """, logger: logger)
                        reply.created += 1
                    } else {
                        try await connection.query("""
                            UPDATE participation_record SET document = \(record.document)
                            WHERE kind = \(kind) AND parent = \(request.parent) AND id = \(record.id)
                            """, logger: logger)
                        reply.updated += 1
                    }
                    if request.kind.isAudited {
                        let entry = ParticipationAudit.entry(kind: request.kind, parent: request.parent, record: record,
                                                             before: before, origin: origin, timestamp: instant.storageTimestamp)
                        try await Self.insertAudit(entry, at: instant, on: connection, logger: logger)
                    }
                }
                for id in request.deletions ?? [] {
                    let removed = try await connection.query("""
                        DELETE FROM participation_record WHERE kind = \(kind) AND parent = \(request.parent) AND id = \(id)
                        RETURNING document
                        """, logger: logger)
                    for try await before in removed.decode(String.self) {
                        reply.deleted = (reply.deleted ?? 0) + 1
                        if request.kind.isAudited {
                            let entry = ParticipationAudit.deletion(kind: request.kind, parent: request.parent, id: id, before: before,
                                                                    origin: origin, timestamp: instant.storageTimestamp)
                            try await Self.insertAudit(entry, at: instant, on: connection, logger: logger)
                        }
                    }
                }
                if request.deletions != nil, reply.deleted == nil { reply.deleted = 0 }
                if request.kind.isAudited {
                    let json = try CanonicalJSON.string(reply)
                    try await connection.query("UPDATE processed_request SET reply = \(json) WHERE request_id = \(requestId)",
                                               logger: logger)
                }
                return ParticipationSaveResult(reply: reply, replayed: false)
            }
        } }
    }

    func addTokenHashes(_ hashes: [String], surveyId: String) async throws -> Int {
        try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                var added = 0
                for hash in hashes {
                    let inserted = try await connection.query("""
                        INSERT INTO survey_token_unused (survey_id, hash)
                        SELECT \(surveyId), \(hash)
                        WHERE NOT EXISTS (SELECT 1 FROM survey_token_used WHERE survey_id = \(surveyId) AND hash = \(hash))
                        ON CONFLICT DO NOTHING RETURNING hash
                        """, logger: logger).collect()
                    added += inserted.count
                }
                return added
            }
        } }
    }

    /// One transaction (READ COMMITTED): claim the applied request id; delete the unused hash (a
    /// concurrent use of the same token waits on the row and then finds it gone, so one answer
    /// wins); insert the used hash and the responses.
    func saveResponses(_ request: ParticipationStorageContracts.SaveResponses.Request) async throws -> Bool {
        let rows = try request.responses.map(SurveyResponseRow.init)
        let surveyId = request.surveyId
        return try await reportingDatabaseErrors { try await client.withConnection { connection in
            try await PostgresTransaction.run(on: connection, logger: logger) { connection in
                if let requestId = request.appliedRequestId {
                    let claimed = try await connection.query("""
                        INSERT INTO survey_applied_request (survey_id, request_id) VALUES (\(surveyId), \(requestId))
                        ON CONFLICT DO NOTHING RETURNING request_id
                        """, logger: logger).collect()
                    guard claimed.count == 1 else { return false }
                }
                if let hash = request.tokenHash {
                    let deleted = try await connection.query("""
                        DELETE FROM survey_token_unused WHERE survey_id = \(surveyId) AND hash = \(hash) RETURNING hash
                        """, logger: logger).collect()
                    if deleted.isEmpty {
                        let used = try await connection.query(
                            "SELECT 1 FROM survey_token_used WHERE survey_id = \(surveyId) AND hash = \(hash)",
                            logger: logger).collect()
                        throw used.isEmpty ? ParticipationTokenRefusal.unknown : ParticipationTokenRefusal.used
                    }
                    try await connection.query("INSERT INTO survey_token_used (survey_id, hash) VALUES (\(surveyId), \(hash))",
                                               logger: logger)
                }
                for row in rows {
                    try await connection.query("""
                        INSERT INTO survey_response (survey_id, id, respondent, answers)
                        VALUES (\(surveyId), \(row.id), \(row.respondent), \(row.answers))
                        """, logger: logger)
                }
                return true
            }
        } }
    }

    func responses(surveyId: String) async throws -> [SurveyResponse] {
        try await reportingDatabaseErrors {
            let rows = try await client.query("""
                SELECT id, respondent, answers FROM survey_response WHERE survey_id = \(surveyId) ORDER BY id COLLATE "C"
                """, logger: logger)
            var responses: [SurveyResponse] = []
            for try await (id, respondent, answers) in rows.decode((String, String?, String).self) {
                responses.append(try SurveyResponseRow(id: id, respondent: respondent, answers: answers)
                    .response(surveyId: surveyId))
            }
            return responses
        }
    }
}
