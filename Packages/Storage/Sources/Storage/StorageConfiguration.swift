/// How the storage service reaches its database.
///
/// Read once at start-up (from `HYTE_DATABASE_URL` in the service executable) and handed to
/// ``buildStorageRouter(configuration:logger:)``.
public struct StorageConfiguration: Sendable {
    /// Where the data lives: `sqlite://PATH`, with `PATH` relative to the working directory
    /// (`sqlite://.hyte/hyte.sqlite`) or absolute (`sqlite:///var/lib/hyte/hyte.sqlite`), or
    /// `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (also `postgresql://`; port 5432 when left
    /// out; optional `?sslmode=disable|prefer|require`).
    public var databaseURL: String

    /// Creates a configuration for the database at `databaseURL`.
    public init(databaseURL: String) {
        self.databaseURL = databaseURL
    }
}
