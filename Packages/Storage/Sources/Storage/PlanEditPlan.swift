import BusCore
import Foundation
import Model

/// What a `plan.edit` writes, planned from the stored plan, its status reports and the stored
/// organisations: the edits applied in order to the document, the result checked as an import
/// is, one audit row per edit that changed something, and the plan at the next version.
struct PlanEditPlan: Sendable {
    typealias Edit = PlanEditContracts.Edit

    var write: PlannedWrite

    init(_ request: Edit.Request, snapshot: WriteSnapshot, origin: ChangeOrigin, at timestamp: String) throws {
        let stored = try snapshot.requirePlan(request.planId)
        guard stored.version == request.expectedVersion else {
            throw ServiceError.conflict(
                "plan '\(request.planId)' is at version \(stored.version), but the edit was made from version "
                    + "\(request.expectedVersion); get the plan again and apply the change to it — nothing was changed",
                details: ["planId": request.planId, "expectedVersion": String(request.expectedVersion),
                          "storedVersion": String(stored.version)])
        }
        var document = try stored.decodedDocument()
        let reported = try Self.reportedItems(snapshot.statusReports, planId: request.planId)
        var audit: [AuditEntry] = []
        for (index, edit) in request.edits.enumerated() {
            let change = try Self.apply(edit, to: &document, reported: reported, planId: request.planId)
                .mapError(index: index, edit: edit)
            guard let change, change.before != change.after else { continue }
            audit.append(AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId,
                                    operation: change.operation, recordType: change.recordType, recordId: change.recordId,
                                    before: change.before, after: change.after))
        }
        let known = Set(snapshot.organisations.keys).union(document.organisations.map(\.id))
        let issues = PlanDocumentValidator(known: known).issues(in: document)
        if !issues.isEmpty {
            var message = issues.prefix(5).map(\.description).joined(separator: "; ")
            if issues.count > 5 { message += "; and \(issues.count - 5) more" }
            throw ServiceError.badRequest("after the edits: " + message + " — nothing was changed",
                                          details: ["path": issues[0].field, "problems": String(issues.count)])
        }
        let canonical = try CanonicalJSON.string(document.storedForm)
        let changed = canonical != stored.document
        let version = changed ? stored.version + 1 : stored.version
        let reply = Edit.Response(planId: request.planId, version: version, changed: changed ? audit.count : 0)
        write = PlannedWrite(steps: changed ? [.savePlan(id: request.planId, document: canonical, version: version)] : [],
                             audit: changed ? audit : [], reply: try CanonicalJSON.string(reply))
    }

    /// One edit's change, for the audit log.
    struct Change {
        var operation: String
        var recordType: String
        var recordId: String
        var before: String?
        var after: String?
    }

    /// The item numbers that status reports name.
    private static func reportedItems(_ reports: [String], planId: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for json in reports {
            counts[try StoredStatusReport.decode(json, planId: planId).item, default: 0] += 1
        }
        return counts
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private static func apply(_ edit: PlanEdit, to document: inout PlanDocument, reported: [String: Int],
                              planId: String) -> Result<Change?, ServiceError> {
        func json<T: Encodable>(_ value: T?) -> String? { value.flatMap { try? CanonicalJSON.string($0) } }
        func missing(_ number: String) -> ServiceError {
            .notFound("plan '\(planId)' has no item with the number '\(number)'", details: ["planId": planId, "item": number])
        }
        func itemRecord(_ number: String) -> String { "\(planId)/\(number)" }
        switch edit {
        case .updatePlan(var plan):
            guard plan.id == planId else {
                return .failure(.badRequest("plan.id: '\(plan.id)' is not '\(planId)'; a plan keeps its id",
                                            details: ["path": "plan.id"]))
            }
            plan.version = nil
            let before = document.plan
            document.plan = plan
            return .success(Change(operation: "update", recordType: "plan", recordId: planId, before: json(before),
                                   after: json(plan)))
        case .addItem(let parent, let position, let item):
            if document.items.item(numbered: item.number) != nil {
                return .failure(.conflict("plan '\(planId)' already has an item numbered '\(item.number)'",
                                          details: ["planId": planId, "item": item.number]))
            }
            func insert(into siblings: inout [PlanItem]) -> ServiceError? {
                let at = position ?? siblings.count
                guard (0...siblings.count).contains(at) else {
                    return .badRequest("position: \(at) is not between 0 and \(siblings.count)", details: ["path": "position"])
                }
                siblings.insert(item, at: at)
                return nil
            }
            var problem: ServiceError?
            if let parent {
                let found = document.items.modifyItem(numbered: parent) { problem = insert(into: &$0.children) }
                if !found { return .failure(missing(parent)) }
            } else {
                problem = insert(into: &document.items)
            }
            if let problem { return .failure(problem) }
            return .success(Change(operation: "create", recordType: "plan-item", recordId: itemRecord(item.number),
                                   before: nil, after: json(item)))
        case .updateItem(let number, let item):
            guard let before = document.items.item(numbered: number) else { return .failure(missing(number)) }
            if item.number != number {
                if let count = reported[number] {
                    return .failure(.conflict(
                        "item '\(number)' has \(count) status report(s) under its number; it cannot be renumbered to "
                            + "'\(item.number)'", details: ["planId": planId, "item": number]))
                }
                if document.items.item(numbered: item.number) != nil {
                    return .failure(.conflict("plan '\(planId)' already has an item numbered '\(item.number)'",
                                              details: ["planId": planId, "item": item.number]))
                }
            }
            document.items.modifyItem(numbered: number) { stored in
                let children = stored.children
                stored = item
                stored.children = children
            }
            return .success(Change(operation: "update", recordType: "plan-item", recordId: itemRecord(number),
                                   before: json(before.withoutChildren), after: json(item.withoutChildren)))
        case .deleteItem(let number):
            guard let item = document.items.item(numbered: number) else { return .failure(missing(number)) }
            let withReports = item.numbersInSubtree.filter { reported[$0] != nil }
            if !withReports.isEmpty {
                let count = withReports.reduce(0) { $0 + (reported[$1] ?? 0) }
                return .failure(.conflict(
                    "item '\(number)' cannot be deleted: \(count) status report(s) name it or an item below it "
                        + "(\(withReports.joined(separator: ", "))); they would be lost",
                    details: ["planId": planId, "item": number]))
            }
            _ = document.items.removeItem(numbered: number)
            return .success(Change(operation: "delete", recordType: "plan-item", recordId: itemRecord(number),
                                   before: json(item), after: nil))
        case .setAction(let number, let action):
            guard let before = document.items.item(numbered: number) else { return .failure(missing(number)) }
            document.items.modifyItem(numbered: number) { $0.action = action }
            return .success(Change(operation: "update", recordType: "plan-item", recordId: itemRecord(number),
                                   before: json(before.withoutChildren),
                                   after: json(document.items.item(numbered: number)?.withoutChildren)))
        case .setMeasure(let number, let measure):
            guard let item = document.items.item(numbered: number) else { return .failure(missing(number)) }
            let before = item.measures.first { $0.id == measure.id }
            document.items.modifyItem(numbered: number) { item in
                if let index = item.measures.firstIndex(where: { $0.id == measure.id }) {
                    item.measures[index] = measure
                } else {
                    item.measures.append(measure)
                }
            }
            return .success(Change(operation: before == nil ? "create" : "update", recordType: "measure",
                                   recordId: "\(planId)/\(number)/\(measure.id)", before: json(before), after: json(measure)))
        case .deleteMeasure(let number, let id):
            guard let item = document.items.item(numbered: number) else { return .failure(missing(number)) }
            guard let before = item.measures.first(where: { $0.id == id }) else {
                return .failure(.notFound("item '\(number)' of plan '\(planId)' has no measure with the id '\(id)'",
                                          details: ["planId": planId, "item": number, "measure": id]))
            }
            document.items.modifyItem(numbered: number) { $0.measures.removeAll { $0.id == id } }
            return .success(Change(operation: "delete", recordType: "measure", recordId: "\(planId)/\(number)/\(id)",
                                   before: json(before), after: nil))
        }
    }
}

private extension Result where Failure == ServiceError {
    /// The change, or the error with the edit's index and operation in front of its message.
    func mapError(index: Int, edit: PlanEdit) throws -> Success {
        switch self {
        case .success(let value): return value
        case .failure(let error): throw error.prefixed("edits[\(index)] (\(edit.operation)): ")
        }
    }
}

private extension ServiceError {
    /// The same error with `prefix` in front of its message.
    func prefixed(_ prefix: String) -> ServiceError {
        var error = self
        error.body.message = prefix + error.body.message
        return error
    }
}
