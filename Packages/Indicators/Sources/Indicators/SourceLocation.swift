/// Where in a file a value was read: a line (CSV, JSON where known) and a JSON path.
public struct SourceLocation: Sendable, Hashable {
    /// The line, from 1.
    public var line: Int?
    /// The JSON path, e.g. `$[3]`.
    public var path: String?

    /// A location.
    public init(line: Int? = nil, path: String? = nil) {
        self.line = line
        self.path = path
    }
}
