import BusCore
import Foundation
import Model

/// What a `plan.delete` writes: the plan and its reports go; the audit row keeps the whole
/// document with every status report as `before`. Refused while another plan names it as parent.
struct PlanDeletePlan: Sendable {
    typealias Delete = PlanEditContracts.Delete

    var write: PlannedWrite

    init(_ request: Delete.Request, snapshot: WriteSnapshot, origin: ChangeOrigin, at timestamp: String) throws {
        let planId = request.planId
        let stored = try snapshot.requirePlan(planId)
        guard stored.version == request.expectedVersion else {
            throw ServiceError.conflict(
                "plan '\(planId)' is at version \(stored.version), but the deletion was asked for version "
                    + "\(request.expectedVersion); look at the plan again before deleting it — nothing was deleted",
                details: ["planId": planId, "expectedVersion": String(request.expectedVersion),
                          "storedVersion": String(stored.version)])
        }
        let children = try snapshot.plans.filter { try $0.id != planId && $0.decodedDocument().plan.parent == planId }
        if !children.isEmpty {
            throw ServiceError.conflict(
                "plan '\(planId)' cannot be deleted: plan(s) \(children.map { "'\($0.id)'" }.joined(separator: ", ")) "
                    + "name it as their parent", details: ["planId": planId])
        }
        var document = try stored.decodedDocument()
        document.plan.version = stored.version
        document.statusReports = try snapshot.statusReports.map { try StoredStatusReport.decode($0, planId: planId) }
        let reply = Delete.Response(planId: planId, statusReportsDeleted: document.statusReports.count)
        let entry = AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId,
                               operation: "delete", recordType: "plan", recordId: planId,
                               before: try CanonicalJSON.string(document), after: nil)
        write = PlannedWrite(steps: [.deletePlan(id: planId)], audit: [entry], reply: try CanonicalJSON.string(reply))
    }
}

/// What an `organisation.delete` writes. Refused while an organisation has it as parent or a plan
/// names it as owner, responsible party or in its own organisation list.
struct OrganisationDeletePlan: Sendable {
    typealias Delete = PlanEditContracts.DeleteOrganisation

    var write: PlannedWrite

    init(_ request: Delete.Request, snapshot: WriteSnapshot, origin: ChangeOrigin, at timestamp: String) throws {
        let id = request.id
        guard let row = snapshot.organisations[id] else {
            throw ServiceError.notFound("no organisation has the id '\(id)'", details: ["id": id])
        }
        guard row.version == request.expectedVersion else {
            throw ServiceError.conflict(
                "organisation '\(id)' is at version \(row.version), but the deletion was asked for version "
                    + "\(request.expectedVersion); look at it again before deleting it — nothing was deleted",
                details: ["id": id, "expectedVersion": String(request.expectedVersion), "storedVersion": String(row.version)])
        }
        let children = snapshot.organisations.values.filter { $0.parentId == id }.map(\.id).sorted()
        if !children.isEmpty {
            throw ServiceError.conflict(
                "organisation '\(id)' cannot be deleted: \(children.map { "'\($0)'" }.joined(separator: ", ")) "
                    + "belong(s) to it", details: ["id": id])
        }
        let naming = try snapshot.plans.filter { try $0.decodedDocument().names(organisation: id) }.map(\.id)
        if !naming.isEmpty {
            throw ServiceError.conflict(
                "organisation '\(id)' cannot be deleted: plan(s) \(naming.map { "'\($0)'" }.joined(separator: ", ")) "
                    + "name it", details: ["id": id])
        }
        let before = try row.organisation()
        let reply = Delete.Response(id: id)
        let entry = AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId,
                               operation: "delete", recordType: OrganisationRow.databaseTableName, recordId: id,
                               before: try CanonicalJSON.string(before), after: nil)
        write = PlannedWrite(steps: [.deleteOrganisation(id: id, version: row.version)], audit: [entry],
                             reply: try CanonicalJSON.string(reply))
    }
}

extension PlanDocument {
    /// True when the plan names organisation `id` as owner, as a responsible party, or in its list.
    func names(organisation id: String) -> Bool {
        plan.owner == id || organisations.contains { $0.id == id }
            || allItems.contains { $0.item.action?.responsible.contains { $0.organisation == id } ?? false }
    }
}
