import Foundation
import Model

/// The database behind the `storage` service: what the operations need, once for each backend.
///
/// ``SQLiteBackend`` keeps the data in one SQLite file served by one process;
/// ``PostgresBackend`` keeps it in a PostgreSQL database that several storage workers may serve
/// at once. Both apply a change in one transaction, with the same validation
/// (``OrganisationUpsertPlan``), the same idempotency record and the same audit rows.
protocol StorageBackend: ParticipationBackend, IndicatorBackend {
    /// Every organisation, ordered by id.
    func organisations() async throws -> [Organisation]

    /// The organisation with `id`, or nil when there is none.
    func organisation(id: String) async throws -> Organisation?

    /// Validates `organisations` against the stored tree and applies them in one transaction,
    /// with an audit row per created or updated record and the reply stored under
    /// `origin.requestId`, all stamped `at`.
    ///
    /// A request id that was already applied returns its stored reply (`replayed` true) and
    /// changes nothing, also when the same id arrives at two workers at once.
    ///
    /// - Throws: `ServiceError` 400 when the batch is invalid (nothing is stored), 409 when the
    ///   request id was used for another operation or a stored version differs from
    ///   `expectedVersions`.
    func upsertOrganisations(_ organisations: [Organisation], expectedVersions: [String: Int]?, origin: ChangeOrigin,
                             at instant: Date) async throws -> OrganisationUpsertResult

    /// Audit entries, newest first: of `recordType` and `recordId` when given, at most `limit`.
    func auditEntries(recordType: String?, recordId: String?, limit: Int?) async throws -> [AuditEntry]

    /// Every stored plan, ordered by id.
    func plans() async throws -> [StoredPlan]

    /// The plan with `id`, or nil when there is none.
    func plan(id: String) async throws -> StoredPlan?

    /// The status reports of plan `planId`, in the order they were added.
    func statusReports(planId: String) async throws -> [StatusReport]

    /// The number of status reports of each plan that has any.
    func statusReportCounts() async throws -> [String: Int]

    /// Applies a `plan.import` (``PlanImportPlan``) in one transaction with its organisations,
    /// status reports, audit rows and the reply stored under `origin.requestId`. Imports of the
    /// same plan are serialised, so that of two with the same expected version one wins.
    func importPlan(_ request: PlanContracts.Import.Request, origin: ChangeOrigin,
                    at instant: Date) async throws -> PlanImportResult

    /// Adds one status report (``StatusRecordPlan``) in one transaction with its audit row and
    /// the reply stored under `origin.requestId`.
    func recordStatus(_ request: PlanContracts.RecordStatus.Request, origin: ChangeOrigin,
                      at instant: Date) async throws -> StatusRecordResult

    /// Applies a change in one transaction: if `origin.requestId` was applied before, returns its
    /// stored reply (a 409 when it was for another operation); otherwise reads the rows `scope`
    /// names, lets `plan` decide the writes (it may throw to refuse the change; nothing is written),
    /// and applies them with their audit rows and the reply stored under the request id.
    func write(operation: String, scope: WriteScope, origin: ChangeOrigin, at instant: Date,
               plan: @escaping @Sendable (WriteSnapshot) throws -> PlannedWrite) async throws -> WriteResult

    /// The facts `health` reports: `backend`, `database`, `schemaVersion`, `organisations` and
    /// backend-specific ones; `status` names a problem when the database cannot be read.
    func healthDetails() async -> [String: String]
}

/// The outcome of ``StorageBackend/upsertOrganisations(_:origin:at:)``.
struct OrganisationUpsertResult: Sendable, Hashable {
    /// The reply to send: the counts of this request, or the stored ones of an earlier one.
    var reply: StorageContracts.UpsertOrganisations.Response
    /// True when the request id had been applied before and nothing was written now.
    var replayed: Bool
}

extension StorageBackend {
    /// Every audit entry, oldest first.
    func auditEntries() async throws -> [AuditEntry] {
        try await auditEntries(recordType: nil, recordId: nil, limit: nil).reversed()
    }
}
