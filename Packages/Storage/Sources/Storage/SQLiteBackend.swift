import Foundation
import GRDB
import Logging

/// The SQLite backend of the storage service: a WAL-mode `DatabasePool` whose schema is
/// migrated, guarded by the file lock that keeps other storage processes away.
///
/// The lock is released when the last reference to this object goes away.
final class SQLiteBackend: StorageBackend {
    /// The absolute path of the database file.
    let path: String
    /// Reads run concurrently, writes one at a time.
    let pool: DatabasePool
    private let lock: DatabaseFileLock

    private init(path: String, pool: DatabasePool, lock: DatabaseFileLock) {
        self.path = path
        self.pool = pool
        self.lock = lock
    }

    /// Locks, opens and migrates the database at `location`; returns only once it is ready.
    static func open(_ location: DatabaseLocation, logger: Logger) throws -> SQLiteBackend {
        try location.createDirectory()
        let lock = try DatabaseFileLock.acquire(lockPath: location.lockPath, databasePath: location.path)
        var configuration = Configuration()
        configuration.label = "hyte.storage"
        let pool: DatabasePool
        do {
            pool = try DatabasePool(path: location.path, configuration: configuration)
            try StorageSchema.migrator.migrate(pool)
        } catch {
            throw StorageSetupError(code: "cannot_open_database",
                                    message: "cannot open the database \(location.path): \(error)")
        }
        let database = SQLiteBackend(path: location.path, pool: pool, lock: lock)
        logger.info("storage database ready", metadata: [
            "path": "\(location.path)",
            "schema": "\((try? database.appliedMigrations()) ?? [])",
        ])
        return database
    }

    /// The identifiers of the applied migrations, in order (e.g. `["v1"]`).
    func appliedMigrations() throws -> [String] {
        try pool.read { db in try StorageSchema.migrator.appliedMigrations(db) }
    }

    /// The facts `health` reports: backend, file, schema, journal mode and record counts.
    func healthDetails() async -> [String: String] {
        var details = ["backend": "sqlite", "database": path]
        do {
            let (migrations, organisations, journalMode) = try await pool.read { db in
                (try StorageSchema.migrator.appliedMigrations(db),
                 try OrganisationRow.fetchCount(db),
                 try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown")
            }
            details["schemaVersion"] = migrations.joined(separator: ",")
            details["organisations"] = String(organisations)
            details["journalMode"] = journalMode
        } catch {
            details["status"] = "database unreadable: \(error)"
        }
        return details
    }
}
