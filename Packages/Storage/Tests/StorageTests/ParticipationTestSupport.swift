import BusCore
import BusTesting
import Foundation
import GRDB
import Model
import Testing
import PostgresNIO
@testable import Storage

/// Participation samples and helpers for the storage tests.
enum ParticipationSample {
    static let survey = Survey(id: "nuoret-2025", title: LocalizedText(fi: "Nuorten kysely", sv: "Ungdomsenkät"),
                               questions: [SurveyQuestion(id: "q1", label: LocalizedText(fi: "Viihdytkö?"),
                                                          kind: .likert(points: 5), required: true)],
                               state: .open)
    static let hashA = String(repeating: "a", count: 64)
    static let hashB = String(repeating: "b", count: 64)
    static let round = BudgetingRound(
        id: "osbu-2025", title: LocalizedText(fi: "Osallistuva budjetointi 2025"), budget: 100_000,
        schedule: BudgetingSchedule(proposalsOpen: Date(timeIntervalSince1970: 0), screeningStarts: Date(timeIntervalSince1970: 10),
                                    votingOpens: Date(timeIntervalSince1970: 20), votingCloses: Date(timeIntervalSince1970: 30),
                                    implementationStarts: Date(timeIntervalSince1970: 40)),
        rule: .approval(maxChoices: 2))
    static let secret = Data(repeating: 7, count: 32)

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCoding.encoder.encode(value), as: UTF8.self)
    }
}

extension StorageFixture {
    func call<C: Contract>(_ contract: C.Type, _ request: C.Request, requestId: String = UUID().uuidString,
                           actor: Actor = Actor(id: "service:participation", roles: ["service"])) async throws -> C.Response {
        try await bus.call(contract, request, headers: RequestHeaders(requestId: requestId, actor: actor))
    }

    /// The rows of `sql`, every column as text (NULL as nil), read from the database directly.
    func rawRows(_ sql: String) async throws -> [[String?]] {
        if let sqlite = store.backend as? SQLiteBackend {
            return try await sqlite.pool.read { db in
                try Row.fetchAll(db, sql: sql).map { row in
                    row.databaseValues.map { value in value.isNull ? nil : String(describing: value.storage.value!) }
                }
            }
        }
        let postgres = try #require(store.backend as? PostgresBackend)
        let rows = try await postgres.client.query(PostgresQuery(unsafeSQL: sql), logger: testLogger).collect()
        return try rows.map { row in try row.map { cell in try cell.decode(String?.self) } }
    }

    /// The column names of `table`, ordered by name.
    func columns(of table: String) async throws -> [String] {
        let sql = store.backend is SQLiteBackend
            ? "SELECT name FROM pragma_table_info('\(table)') ORDER BY name"
            : "SELECT column_name::text FROM information_schema.columns WHERE table_name = '\(table)' ORDER BY column_name"
        return try await rawRows(sql).map { $0[0] ?? "" }
    }
}
