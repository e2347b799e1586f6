/// The database a ``StorageConfiguration/databaseURL`` names, by backend.
enum DatabaseURL: Sendable, Hashable {
    /// `sqlite://PATH`: one SQLite file.
    case sqlite(DatabaseLocation)
    /// `postgres://USER:PASSWORD@HOST:PORT/DATABASE` (or `postgresql://…`).
    case postgres(PostgresLocation)

    /// Parses `url`; throws ``StorageSetupError`` `unsupported_url` naming the accepted forms.
    init(_ url: String) throws(StorageSetupError) {
        let lowered = url.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: url))
        } else {
            self = .sqlite(try DatabaseLocation(url: url))
        }
    }
}
