import Foundation

/// Why an indicator file could not be read, and where.
///
/// The description names the file, the line (CSV; JSON where known) or JSON path, and the
/// field, e.g. `values.csv: line 7, field 'value': '12,x' is not a number`.
public struct IndicatorParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is; a stable code for an error reply.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The text is not valid JSON.
        case malformedJSON = "malformed_json"
        /// The text is not valid CSV (unclosed quote, wrong number of fields).
        case malformedCSV = "malformed_csv"
        /// A required column or field is missing.
        case missingField = "missing_field"
        /// A value that should be a number is not one.
        case nonNumericValue = "non_numeric_value"
        /// A value is of the wrong kind or out of range (a gender, a period, a unit, …).
        case invalidValue = "invalid_value"
        /// A region not in the region table that was given.
        case unknownRegion = "unknown_region"
        /// The same indicator × region × period × gender × group twice in one file.
        case duplicateRow = "duplicate_row"
        /// A JSON-stat dataset whose `value` length is not the product of `size`, or similar.
        case sizeMismatch = "size_mismatch"
        /// Valid input that this reader does not handle (e.g. monthly periods).
        case unsupported
    }

    /// What kind of problem it is.
    public var kind: Kind
    /// The name of the file that was read.
    public var fileName: String
    /// The line, from 1, when known.
    public var line: Int?
    /// The column, from 1, when known.
    public var column: Int?
    /// The JSON path, e.g. `$.dimension.Vuosi.category.index`, when the file is JSON.
    public var path: String?
    /// The field or column, e.g. `value`.
    public var field: String?
    /// What was wrong, for a person.
    public var reason: String

    /// An error of `kind` in `fileName` at the given place.
    public init(_ kind: Kind, fileName: String, line: Int? = nil, column: Int? = nil, path: String? = nil,
                field: String? = nil, reason: String) {
        self.kind = kind
        self.fileName = fileName
        self.line = line
        self.column = column
        self.path = path
        self.field = field
        self.reason = reason
    }

    /// `file: line L, column C, at PATH, field 'F': reason`, leaving out what is not known.
    public var description: String {
        var place: [String] = []
        if let line { place.append(column.map { "line \(line), column \($0)" } ?? "line \(line)") }
        if let path { place.append("at \(path)") }
        if let field { place.append("field '\(field)'") }
        return place.isEmpty ? "\(fileName): \(reason)" : "\(fileName): \(place.joined(separator: ", ")): \(reason)"
    }

    /// Structured detail for an error reply.
    public var details: [String: String] {
        var details = ["file": fileName, "kind": kind.rawValue]
        if let line { details["line"] = String(line) }
        if let column { details["column"] = String(column) }
        if let path { details["path"] = path }
        if let field { details["field"] = field }
        return details
    }
}

extension IndicatorParseError {
    /// The same problem as a Sotkanet JSON error; the field is the last component of the path,
    /// or the missing field named in the reason.
    init(_ error: SotkanetParseError) {
        let last = error.path.split(separator: ".").last.map(String.init)
        var field = error.path.contains(".") ? last : nil
        let kind: Kind
        if error.isSyntaxError {
            kind = .malformedJSON
        } else if error.reason.hasPrefix("the required field") {
            kind = .missingField
            field = error.reason.split(separator: "'").dropFirst().first.map(String.init)
        } else if error.reason.hasPrefix("expected a number") || error.reason.hasPrefix("expected an integer") {
            kind = .nonNumericValue
        } else {
            kind = .invalidValue
        }
        self.init(kind, fileName: error.fileName, line: error.line, column: error.column, path: error.path,
                  field: field, reason: error.reason)
    }
}
