import BusCore
import Foundation
import GRDB
import Model

/// What the storage database keeps for the indicators service; implemented by both backends.
protocol IndicatorBackend: Sendable {}

/// The indicator tables on SQLite (migration v4).
enum IndicatorSchema {
    static func createSQLite(_ db: Database) throws {}

    /// The same tables on PostgreSQL.
    static let postgresStatements: [String] = []
}

extension Router {
    /// Adds the routes of the indicator catalogue and values over `backend`.
    mutating func addIndicatorRoutes(_ backend: any IndicatorBackend, now: @escaping @Sendable () -> Date) {}
}
