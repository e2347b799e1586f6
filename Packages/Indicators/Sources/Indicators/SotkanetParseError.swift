import Foundation

/// Why a Sotkanet JSON file could not be read, with where it went wrong.
///
/// The description names the file, the JSON path and the field, e.g.
/// `data.json: $[3].year: expected an integer, found "20x1"`; a syntax error also names the line
/// and column, e.g. `data.json: line 5, column 3, at $[1]: expected ',' or '}' after a field, found ']'`.
public struct SotkanetParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name of the file that was read.
    public var fileName: String
    /// The JSON path of the value that was wrong, e.g. `$[3].year`.
    public var path: String
    /// The line of the offending character or value, from 1.
    public var line: Int
    /// The column of the offending character or value, from 1, counted in characters.
    public var column: Int
    /// What was wrong, for a person.
    public var reason: String
    /// True when the text is not valid JSON; false when valid JSON holds a wrong value.
    public var isSyntaxError: Bool

    /// An error at `path`, found at `line` and `column` of `fileName`.
    public init(fileName: String, path: String, line: Int, column: Int, reason: String, isSyntaxError: Bool) {
        self.fileName = fileName
        self.path = path
        self.line = line
        self.column = column
        self.reason = reason
        self.isSyntaxError = isSyntaxError
    }

    /// `file: path: reason`, or `file: line L, column C, at path: reason` for a syntax error.
    public var description: String {
        isSyntaxError
            ? "\(fileName): line \(line), column \(column), at \(path): \(reason)"
            : "\(fileName): \(path): \(reason)"
    }

    /// Structured detail for an error reply.
    public var details: [String: String] {
        ["file": fileName, "path": path, "line": String(line), "column": String(column)]
    }
}
