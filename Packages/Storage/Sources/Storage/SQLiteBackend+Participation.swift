import BusCore
import Foundation
import GRDB
import Model

extension SQLiteBackend {
    func participationRecord(kind: ParticipationStorageRecordKind, parent: String, id: String) async throws -> String? {
        try await pool.read { db in
            try String.fetchOne(db, sql: "SELECT document FROM participation_record WHERE kind = ? AND parent = ? AND id = ?",
                                arguments: [kind.rawValue, parent, id])
        }
    }

    func participationRecords(kind: ParticipationStorageRecordKind, parent: String) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(db, sql: """
                SELECT document FROM participation_record WHERE kind = ? AND parent = ? ORDER BY position, id
                """, arguments: [kind.rawValue, parent])
        }
    }

    func saveParticipationRecords(_ request: ParticipationStorageContracts.SaveRecords.Request, origin: ChangeOrigin,
                                  at instant: Date) async throws -> ParticipationSaveResult {
        let operation = ParticipationStorageContracts.SaveRecords.operation
        let timestamp = instant.storageTimestamp
        return try await pool.write { db in
            if request.kind.isAudited, let processed = try ProcessedRequest.fetchOne(db, key: origin.requestId) {
                let reply = try ProcessedReply.decode(ParticipationStorageContracts.SaveRecords.Response.self,
                                                      expected: operation, stored: processed.operation,
                                                      reply: processed.reply, requestId: origin.requestId)
                return ParticipationSaveResult(reply: reply, replayed: true)
            }
            var reply = ParticipationStorageContracts.SaveRecords.Response(created: 0, updated: 0)
            let kind = request.kind.rawValue
            for record in request.records {
                let before = try String.fetchOne(db, sql: """
                    SELECT document FROM participation_record WHERE kind = ? AND parent = ? AND id = ?
                    """, arguments: [kind, request.parent, record.id])
                if before == nil {
                    try db.execute(sql: """
                        INSERT INTO participation_record (kind, parent, id, position, document)
                        VALUES (?, ?, ?, (SELECT COALESCE(MAX(position), 0) + 1 FROM participation_record
                                          WHERE kind = ? AND parent = ?), ?)
                        """, arguments: [kind, request.parent, record.id, kind, request.parent, record.document])
                    reply.created += 1
                } else {
                    try db.execute(sql: "UPDATE participation_record SET document = ? WHERE kind = ? AND parent = ? AND id = ?",
                                   arguments: [record.document, kind, request.parent, record.id])
                    reply.updated += 1
                }
                if request.kind.isAudited {
                    var entry = ParticipationAudit.entry(kind: request.kind, parent: request.parent, record: record,
                                                         before: before, origin: origin, timestamp: timestamp)
                    try entry.insert(db)
                }
            }
            for id in request.deletions ?? [] {
                guard let before = try String.fetchOne(db, sql: """
                    SELECT document FROM participation_record WHERE kind = ? AND parent = ? AND id = ?
                    """, arguments: [kind, request.parent, id]) else { continue }
                try db.execute(sql: "DELETE FROM participation_record WHERE kind = ? AND parent = ? AND id = ?",
                               arguments: [kind, request.parent, id])
                reply.deleted = (reply.deleted ?? 0) + 1
                if request.kind.isAudited {
                    var entry = ParticipationAudit.deletion(kind: request.kind, parent: request.parent, id: id, before: before,
                                                            origin: origin, timestamp: timestamp)
                    try entry.insert(db)
                }
            }
            if request.deletions != nil, reply.deleted == nil { reply.deleted = 0 }
            if request.kind.isAudited {
                try ProcessedRequest(requestId: origin.requestId, operation: operation,
                                     reply: try CanonicalJSON.string(reply), createdAt: timestamp).insert(db)
            }
            return ParticipationSaveResult(reply: reply, replayed: false)
        }
    }

    func addTokenHashes(_ hashes: [String], surveyId: String) async throws -> Int {
        try await pool.write { db in
            var added = 0
            for hash in hashes {
                let used = try Bool.fetchOne(db, sql: "SELECT 1 FROM survey_token_used WHERE survey_id = ? AND hash = ?",
                                             arguments: [surveyId, hash]) ?? false
                guard !used else { continue }
                try db.execute(sql: "INSERT OR IGNORE INTO survey_token_unused (survey_id, hash) VALUES (?, ?)",
                               arguments: [surveyId, hash])
                added += db.changesCount
            }
            return added
        }
    }

    func saveResponses(_ request: ParticipationStorageContracts.SaveResponses.Request) async throws -> Bool {
        let rows = try request.responses.map(SurveyResponseRow.init)
        return try await pool.write { db in
            if let requestId = request.appliedRequestId {
                try db.execute(sql: "INSERT OR IGNORE INTO survey_applied_request (survey_id, request_id) VALUES (?, ?)",
                               arguments: [request.surveyId, requestId])
                guard db.changesCount == 1 else { return false }
            }
            if let hash = request.tokenHash {
                try db.execute(sql: "DELETE FROM survey_token_unused WHERE survey_id = ? AND hash = ?",
                               arguments: [request.surveyId, hash])
                if db.changesCount == 0 {
                    let used = try Bool.fetchOne(db, sql: "SELECT 1 FROM survey_token_used WHERE survey_id = ? AND hash = ?",
                                                 arguments: [request.surveyId, hash]) ?? false
                    throw used ? ParticipationTokenRefusal.used : ParticipationTokenRefusal.unknown
                }
                try db.execute(sql: "INSERT INTO survey_token_used (survey_id, hash) VALUES (?, ?)",
                               arguments: [request.surveyId, hash])
            }
            for row in rows {
                try db.execute(sql: "INSERT INTO survey_response (survey_id, id, respondent, answers) VALUES (?, ?, ?, ?)",
                               arguments: [request.surveyId, row.id, row.respondent, row.answers])
            }
            return true
        }
    }

    func responses(surveyId: String) async throws -> [SurveyResponse] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "SELECT id, respondent, answers FROM survey_response WHERE survey_id = ? ORDER BY id",
                             arguments: [surveyId]).map { row in
                try SurveyResponseRow(id: row["id"], respondent: row["respondent"], answers: row["answers"])
                    .response(surveyId: surveyId)
            }
        }
    }
}
