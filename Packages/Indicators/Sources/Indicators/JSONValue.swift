/// A small JSON document held in memory: one region, one indicator's metadata, one JSON-stat dimension.
indirect enum JSONValue: Sendable, Hashable {
    case string(String)
    /// The number's text exactly as written.
    case number(String)
    case bool(Bool)
    case null
    case array([JSONValue])
    /// Members in the order written.
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)), (.number(let a), .number(let b)): a == b
        case (.bool(let a), .bool(let b)): a == b
        case (.null, .null): true
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let text), .number(let text): hasher.combine(text)
        case .bool(let value): hasher.combine(value)
        case .null: hasher.combine(0)
        case .array(let items): hasher.combine(items)
        case .object(let members): for (key, value) in members { hasher.combine(key); hasher.combine(value) }
        }
    }

    /// The member `key` of an object.
    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.0 == key }?.1
    }

    var string: String? { if case .string(let text) = self { text } else { nil } }
    var int: Int? { if case .number(let text) = self { Int(text) } else { nil } }
    var double: Double? { if case .number(let text) = self { Double(text) } else { nil } }
    var array: [JSONValue]? { if case .array(let items) = self { items } else { nil } }
    var members: [(String, JSONValue)]? { if case .object(let members) = self { members } else { nil } }
}
