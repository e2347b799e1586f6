import BusCore
import Foundation
import GRDB
import Model

/// What the storage database keeps for the participation service; implemented by both backends.
///
/// Records are JSON documents by kind, parent and id (`participation_record`); responses, token
/// hashes and applied request ids have tables of their own that hold no time and no sequence, so
/// that nothing links a response to a token or dates it (see docs/participation.md).
protocol ParticipationBackend: Sendable {
    /// The document of one record, or nil.
    func participationRecord(kind: ParticipationStorageRecordKind, parent: String, id: String) async throws -> String?

    /// The documents of one kind and parent, in the order they were first stored.
    func participationRecords(kind: ParticipationStorageRecordKind, parent: String) async throws -> [String]

    /// Creates or replaces records in one transaction. For audited kinds: applied once per
    /// `origin.requestId` (a repeated id returns the stored reply, `replayed` true) with an audit
    /// row per record in its ``ParticipationAudit`` form, stamped `at`.
    func saveParticipationRecords(_ request: ParticipationStorageContracts.SaveRecords.Request, origin: ChangeOrigin,
                                  at instant: Date) async throws -> ParticipationSaveResult

    /// Adds unused token hashes to a survey (hashes already present, used or unused, are skipped);
    /// returns how many were added.
    func addTokenHashes(_ hashes: [String], surveyId: String) async throws -> Int

    /// Stores responses and consumes the token hash in one transaction; false when the applied
    /// request id was already applied to the survey. Throws a ``ServiceError`` for a used (409) or
    /// unknown (400) token; nothing is stored then.
    func saveResponses(_ request: ParticipationStorageContracts.SaveResponses.Request) async throws -> Bool

    /// The responses of a survey, ordered by their random id.
    func responses(surveyId: String) async throws -> [SurveyResponse]
}

extension Router {
    /// Adds the routes of the participation records over `backend`.
    mutating func addParticipationRecordRoutes(_ backend: any ParticipationBackend, now: @escaping @Sendable () -> Date) {
        on(ParticipationStorageContracts.SaveRecords.self) { request, context in
            try ParticipationRecordCheck.check(request)
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let result = try await backend.saveParticipationRecords(request, origin: origin, at: now())
            context.logger.info(result.replayed ? "participation save repeated; stored reply returned"
                                    : "participation records saved", metadata: [
                "kind": "\(request.kind.rawValue)", "created": "\(result.reply.created)",
                "updated": "\(result.reply.updated)",
            ])
            return result.reply
        }
        on(ParticipationStorageContracts.GetRecord.self) { request, context in
            try ParticipationRecordCheck.checkReader(kind: request.kind, actor: context.actor)
            return .init(document: try await backend.participationRecord(kind: request.kind, parent: request.parent, id: request.id))
        }
        on(ParticipationStorageContracts.ListRecords.self) { request, context in
            try ParticipationRecordCheck.checkReader(kind: request.kind, actor: context.actor)
            return .init(documents: try await backend.participationRecords(kind: request.kind, parent: request.parent))
        }
        on(ParticipationStorageContracts.AddTokenHashes.self) { request, context in
            try ParticipationRecordCheck.check(hashes: request.hashes)
            let added = try await backend.addTokenHashes(request.hashes, surveyId: request.surveyId)
            context.logger.info("invitation token hashes added", metadata: ["survey": "\(request.surveyId)", "added": "\(added)"])
            return .init(added: added)
        }
        on(ParticipationStorageContracts.SaveResponses.self) { request, context in
            if let hash = request.tokenHash { try ParticipationRecordCheck.check(hashes: [hash]) }
            let stored = try await backend.saveResponses(request)
            // Neither the token nor the response ids are logged.
            context.logger.info(stored ? "survey responses stored" : "survey responses already stored", metadata: [
                "survey": "\(request.surveyId)", "responses": "\(request.responses.count)",
            ])
            return .init(stored: stored)
        }
        on(ParticipationStorageContracts.ListResponses.self) { request, _ in
            .init(responses: try await backend.responses(surveyId: request.surveyId))
        }
    }
}
