import BusCore
import Foundation
import GRDB
import Model

/// What the storage database keeps for the participation service; implemented by both backends.
protocol ParticipationBackend: Sendable {}

/// The participation tables on SQLite (migration v3).
enum ParticipationSchema {
    static func createSQLite(_ db: Database) throws {}

    /// The same tables on PostgreSQL.
    static let postgresStatements: [String] = []
}

extension Router {
    /// Adds the routes of the participation records over `backend`.
    mutating func addParticipationRecordRoutes(_ backend: any ParticipationBackend, now: @escaping @Sendable () -> Date) {}
}
