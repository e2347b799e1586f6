import BusCore
import Foundation
import Model

/// What a change reads before it is planned: the rows named by its ``WriteScope``, read inside
/// the change's transaction.
struct WriteSnapshot: Sendable {
    /// The plan of the scope, when it names one and the plan is stored.
    var plan: StoredPlan?
    /// The status reports of that plan, as canonical JSON, in the order they were added.
    var statusReports: [String] = []
    /// Every stored organisation by id, when the scope asks for them.
    var organisations: [String: OrganisationRow] = [:]
    /// Every stored plan, when the scope asks for them.
    var plans: [StoredPlan] = []
}

/// Which rows a change reads, and so which rows it locks against other writers.
struct WriteScope: Sendable, Hashable {
    /// The plan the change is about: read with its status reports, locked for the transaction.
    var planId: String?
    /// Read every organisation (and keep other writers from changing them meanwhile).
    var organisations = false
    /// The change writes organisations: other changes that read them wait for it.
    var changesOrganisations = false
    /// Read every plan (and keep other writers from changing them meanwhile).
    var allPlans = false
}

/// One write of a planned change.
enum WriteStep: Sendable, Hashable {
    /// Store `document` as plan `id` at `version`: an insert at version 1, otherwise an update of
    /// the row that is at `version - 1`.
    case savePlan(id: String, document: String, version: Int)
    /// Remove plan `id` and its status reports.
    case deletePlan(id: String)
    /// Remove organisation `id`, which is at `version`.
    case deleteOrganisation(id: String, version: Int)
    /// Add a status report, written by the request `requestId`.
    case addStatusReport(StoredStatusReport, requestId: String)
}

/// A change planned from a ``WriteSnapshot``: its writes, its audit rows and its reply (canonical
/// JSON), applied by ``StorageBackend/write(operation:scope:origin:at:plan:)`` in one transaction.
struct PlannedWrite: Sendable {
    var steps: [WriteStep]
    var audit: [AuditEntry]
    var reply: String
}

/// The outcome of ``StorageBackend/write(operation:scope:origin:at:plan:)``.
struct WriteResult: Sendable, Hashable {
    /// The reply as canonical JSON: of this change, or the stored one of an earlier request with the id.
    var reply: String
    /// True when the request id had been applied before and nothing was written now.
    var replayed: Bool

    /// The reply decoded as `type`.
    func decoded<Reply: Decodable>(_ type: Reply.Type) throws -> Reply {
        try CanonicalJSON.decode(type, from: reply)
    }
}

extension WriteSnapshot {
    /// The plan of the scope; a 404 naming `id` when it is not stored.
    func requirePlan(_ id: String) throws -> StoredPlan {
        guard let plan else {
            throw ServiceError.notFound("no plan has the id '\(id)'", details: ["id": id])
        }
        return plan
    }
}
