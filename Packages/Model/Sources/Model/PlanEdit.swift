import Foundation

/// One change to a stored plan's tree, applied by `plan.edit` (``PlanEditContracts/Edit``).
///
/// On the wire each edit is an object with an `op` field naming the case and the case's fields,
/// for example `{"op": "measure.set", "item": "1.2.3", "measure": {…}}`.
public enum PlanEdit: Codable, Sendable, Hashable {
    /// `plan.update`: replace the plan's own fields (title, kind, period, owner, languages,
    /// approval, state, parent, level names). The id must stay the same.
    case updatePlan(Plan)
    /// `item.add`: add `item` (with its children) under the item numbered `parent`, or at the
    /// top level when `parent` is nil; at `position` among its siblings, or last.
    case addItem(parent: String?, position: Int?, item: PlanItem)
    /// `item.update`: replace the own fields of the item numbered `number` (title, description,
    /// action, assessment, measures, indicators); its children stay. `item.number` may give the
    /// item a new number only when no status report names the old one.
    case updateItem(number: String, item: PlanItem)
    /// `item.delete`: remove the item and its children. Refused while a status report names
    /// any of them, so that no report is lost.
    case deleteItem(number: String)
    /// `action.set`: set (or with nil, remove) the action details of the item numbered `item`.
    case setAction(item: String, action: ActionDetails?)
    /// `measure.set`: add `measure` to the item numbered `item`, or replace the measure with the
    /// same id.
    case setMeasure(item: String, measure: Measure)
    /// `measure.delete`: remove the measure with `id` from the item numbered `item`.
    case deleteMeasure(item: String, id: String)

    /// The `op` of this edit on the wire.
    public var operation: String {
        switch self {
        case .updatePlan: "plan.update"
        case .addItem: "item.add"
        case .updateItem: "item.update"
        case .deleteItem: "item.delete"
        case .setAction: "action.set"
        case .setMeasure: "measure.set"
        case .deleteMeasure: "measure.delete"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case op, plan, parent, position, item, number, action, measure, id
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let op = try container.decode(String.self, forKey: .op)
        switch op {
        case "plan.update":
            self = .updatePlan(try container.decode(Plan.self, forKey: .plan))
        case "item.add":
            self = .addItem(parent: try container.decodeIfPresent(String.self, forKey: .parent),
                            position: try container.decodeIfPresent(Int.self, forKey: .position),
                            item: try container.decode(PlanItem.self, forKey: .item))
        case "item.update":
            self = .updateItem(number: try container.decode(String.self, forKey: .number),
                               item: try container.decode(PlanItem.self, forKey: .item))
        case "item.delete":
            self = .deleteItem(number: try container.decode(String.self, forKey: .number))
        case "action.set":
            self = .setAction(item: try container.decode(String.self, forKey: .item),
                              action: try container.decodeIfPresent(ActionDetails.self, forKey: .action))
        case "measure.set":
            self = .setMeasure(item: try container.decode(String.self, forKey: .item),
                               measure: try container.decode(Measure.self, forKey: .measure))
        case "measure.delete":
            self = .deleteMeasure(item: try container.decode(String.self, forKey: .item),
                                  id: try container.decode(String.self, forKey: .id))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .op, in: container,
                debugDescription: "'\(op)' is not an edit; use plan.update, item.add, item.update, item.delete, "
                    + "action.set, measure.set or measure.delete")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(operation, forKey: .op)
        switch self {
        case .updatePlan(let plan):
            try container.encode(plan, forKey: .plan)
        case .addItem(let parent, let position, let item):
            try container.encodeIfPresent(parent, forKey: .parent)
            try container.encodeIfPresent(position, forKey: .position)
            try container.encode(item, forKey: .item)
        case .updateItem(let number, let item):
            try container.encode(number, forKey: .number)
            try container.encode(item, forKey: .item)
        case .deleteItem(let number):
            try container.encode(number, forKey: .number)
        case .setAction(let item, let action):
            try container.encode(item, forKey: .item)
            try container.encode(action, forKey: .action)
        case .setMeasure(let item, let measure):
            try container.encode(item, forKey: .item)
            try container.encode(measure, forKey: .measure)
        case .deleteMeasure(let item, let id):
            try container.encode(item, forKey: .item)
            try container.encode(id, forKey: .id)
        }
    }
}
