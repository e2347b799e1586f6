/// A plan file that could not be read or that breaks a rule of the format, located as closely as
/// the reader can: the file, the line and column when known, and the path of the field.
///
/// Its description reads like a compiler message:
/// `loviisa.yaml:14:3: items[0].title: required field 'title' is missing`.
public struct PlanFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file name as given by the caller, e.g. `loviisa.yaml`.
    public var file: String
    /// The line, counted from 1, when known.
    public var line: Int?
    /// The column, counted from 1, when known.
    public var column: Int?
    /// The path of the field, e.g. `items[0].children[2].action.schedule.text`, when known.
    public var path: String?
    /// What is wrong, in words a person can act on.
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, path: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
    }

    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        if let path, !path.isEmpty {
            return "\(location): \(path): \(message)"
        }
        return "\(location): \(message)"
    }
}
