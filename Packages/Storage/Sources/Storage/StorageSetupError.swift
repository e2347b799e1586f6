/// Why the storage service could not open its database.
///
/// Thrown by ``buildStorageRouter(configuration:logger:)`` before the service is ready; the
/// message says what to change.
public struct StorageSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable code: `unsupported_url`, `postgres_not_available`, `database_in_use`,
    /// `cannot_create_directory`, `cannot_lock`, `cannot_open_database`.
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
                + "(e.g. sqlite://.hyte/hyte.sqlite or sqlite:///var/lib/hyte/hyte.sqlite)")
    }

    static func postgresNotAvailable(_ url: String) -> StorageSetupError {
        StorageSetupError(
            code: "postgres_not_available",
            message: "the database URL '\(url)' asks for PostgreSQL, but the PostgreSQL backend is not "
                + "available in this version yet; use sqlite://PATH")
    }

    static func databaseInUse(path: String, lockPath: String, pid: Int32?) -> StorageSetupError {
        let holder = pid.map { "another hyte-storage (pid \($0))" } ?? "another hyte-storage"
        return StorageSetupError(
            code: "database_in_use",
            message: "\(holder) already serves the database file \(path) (lock \(lockPath) is held); "
                + "only one storage worker may run on SQLite — stop the other one or use another file")
    }
}
