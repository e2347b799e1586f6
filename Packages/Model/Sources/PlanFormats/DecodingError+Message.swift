import Foundation
import Yams

extension DecodingError {
    /// The coding path of the failing field, including the missing key for `keyNotFound`.
    var fieldPath: [any CodingKey] {
        switch self {
        case .keyNotFound(let key, let context): context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): context.codingPath
        @unknown default: []
        }
    }

    /// The coding path of the nearest node that exists in the file: for a missing key, the
    /// mapping that lacks it.
    var presentPath: [any CodingKey] {
        switch self {
        case .keyNotFound(_, let context): context.codingPath
        default: fieldPath
        }
    }

    /// What is wrong, without the location.
    var problem: String { problem(found: nil) }

    /// What is wrong, without the location; `found` describes what the file holds there, when the
    /// reader knows it (e.g. `'twenty'`, `a list`).
    func problem(found: String?) -> String {
        switch self {
        case .keyNotFound(let key, _):
            return "required field '\(key.stringValue)' is missing"
        case .valueNotFound(let type, _):
            return "a value is required here (\(Self.describe(type))), but it is empty or null"
        case .typeMismatch(let type, let context):
            if let found { return "expected \(Self.describe(type)), found \(found)" }
            let detail = context.debugDescription.isEmpty ? "" : " (\(context.debugDescription))"
            return "expected \(Self.describe(type))\(detail)"
        case .dataCorrupted(let context):
            return Self.friendly(context.debugDescription)
        @unknown default:
            return String(describing: self)
        }
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type, is Node.Scalar.Type: "a text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default:
            if "\(type)".hasPrefix("Array") { "a list" }
            else if "\(type)".hasPrefix("Dictionary") { "a mapping" }
            else { "\(type)" }
        }
    }

    /// Turns "Cannot initialize ActionStatus from invalid String value ongoing" into a message
    /// that lists the allowed words.
    private static func friendly(_ text: String) -> String {
        let prefix = "Cannot initialize "
        guard text.hasPrefix(prefix), let range = text.range(of: " from invalid ") else { return text }
        let typeName = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<range.lowerBound])
        let valueStart = text.range(of: " value ", range: range.upperBound..<text.endIndex)?.upperBound ?? range.upperBound
        let value = text[valueStart...]
        guard let allowed = EnumerationWords.allowed[typeName] else {
            return "'\(value)' is not a valid \(typeName)"
        }
        return "'\(value)' is not one of \(allowed.joined(separator: ", "))"
    }
}
