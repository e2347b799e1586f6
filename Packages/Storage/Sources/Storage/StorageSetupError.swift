/// Why the storage service could not open its database.
///
/// Thrown by ``buildStorageRouter(configuration:logger:)`` before the service is ready; the
/// message says what to change.
public struct StorageSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code: `unsupported_url`, `database_in_use`, `cannot_create_directory`,
    /// `cannot_lock`, `cannot_open_database`, `cannot_connect`.
    public var code: String
    /// A sentence a person can act on.
    public var message: String

    /// Creates an error with a stable `code` and a `message` a person can act on.
    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}

extension StorageSetupError {
    static func unsupportedURL(_ url: String) -> StorageSetupError {
        StorageSetupError(
            code: "unsupported_url",
            message: "the database URL '\(url)' is not supported; use sqlite://PATH "
                + "(e.g. sqlite://.hyte/hyte.sqlite or sqlite:///var/lib/hyte/hyte.sqlite) "
                + "or postgres://USER:PASSWORD@HOST:PORT/DATABASE")
    }

    static func invalidPostgresURL(_ url: String, problem: String) -> StorageSetupError {
        StorageSetupError(
            code: "unsupported_url",
            message: "the PostgreSQL URL '\(redacted(url))' is not usable: \(problem); "
                + "use postgres://USER:PASSWORD@HOST:PORT/DATABASE (port 5432 when left out, "
                + "optional ?sslmode=disable|prefer|require)")
    }

    /// `url` with the password replaced by `***`, for messages and logs.
    static func redacted(_ url: String) -> String {
        guard let at = url.lastIndex(of: "@"), let schemeEnd = url.range(of: "://")?.upperBound,
              schemeEnd < at, let colon = url[schemeEnd..<at].firstIndex(of: ":") else { return url }
        return url[..<url.index(after: colon)] + "***" + url[at...]
    }

    static func databaseInUse(path: String, lockPath: String, pid: Int32?) -> StorageSetupError {
        let holder = pid.map { "another hyte-storage (pid \($0))" } ?? "another hyte-storage"
        return StorageSetupError(
            code: "database_in_use",
            message: "\(holder) already serves the database file \(path) (lock \(lockPath) is held); "
                + "only one storage worker may run on SQLite — stop the other one or use another file")
    }
}
