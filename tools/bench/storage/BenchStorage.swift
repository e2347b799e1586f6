import ArgumentParser
import BusCore
import BusZMQ
import Foundation
import Logging
import Model

/// `hyte-bench-storage`: times `plan.import` of a large synthetic plan through the broker and
/// `hyte-storage`, against a raw bulk insert of the same rows into the same kind of database.
@main
struct BenchStorage: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hyte-bench-storage",
        abstract: "Times plan.import through the bus against a raw bulk insert of the same rows.",
        discussion: """
            SQLite always; PostgreSQL too when HYTE_TEST_POSTGRES_URL is set \
            (e.g. bash tools/with-postgres.sh .build/release/hyte-bench-storage).
            """)

    @Option(help: "Focus areas of the plan.") var areas = 50
    @Option(help: "Goals per focus area.") var goals = 20
    @Option(help: "Actions per goal; each has one measure and 4 status reports.") var actions = 20
    @Option(help: "Seconds to wait for the plan.import reply.") var timeout = 600

    func validate() throws {
        guard areas >= 1, goals >= 1, actions >= 1 else {
            throw ValidationError("--areas, --goals and --actions must each be at least 1")
        }
        guard timeout >= 1 else { throw ValidationError("--timeout must be at least 1 second") }
    }

    func run() async throws {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = .warning
            return handler
        }
        let logger = Logger(label: "hyte.bench.storage")
        let plan = try SyntheticPlan(areas: areas, goals: goals, actions: actions)
        let rows = try PlanRows(plan.document)
        say("plan: \(areas) areas × \(goals) goals × \(actions) actions = \(plan.document.allItems.count) items, "
              + "\(plan.document.statusReports.count) status reports (\(plan.rows) rows), "
              + "plan row \(rows.document.utf8.count / 1024) KiB")
        let bench = StorageRun(document: plan.document, rows: rows, rowCount: plan.rows,
                               timeout: .seconds(timeout), logger: logger)
        var results: [Measurement] = []
        results += try await bench.sqlite()
        if let url = ProcessInfo.processInfo.environment["HYTE_TEST_POSTGRES_URL"], !url.isEmpty {
            results += try await bench.postgres(server: try PostgresServer(url: url))
        } else {
            say("PostgreSQL skipped: HYTE_TEST_POSTGRES_URL is not set (run under bash tools/with-postgres.sh).")
        }
        say("")
        say(Measurement.table(results))
    }
}
