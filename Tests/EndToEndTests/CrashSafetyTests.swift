import BusCore
import BusZMQ
import Foundation
import GRDB
import Model
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A storage process killed in the middle of a long import leaves an intact database in which
/// the import is either wholly present or wholly absent.
@Suite(.serialized) struct CrashSafetyTests {
    /// A plan of `areas` × `goals` × `actions`, each action with a measure and two status reports.
    static func syntheticPlan(id: String, areas: Int, goals: Int, actions: Int) -> PlanDocument {
        let items = (1...areas).map { area in
            PlanItem(number: "\(area)", title: LocalizedText(fi: "Painopiste \(area)"), children: (1...goals).map { goal in
                PlanItem(number: "\(area).\(goal)", title: LocalizedText(fi: "Tavoite \(area).\(goal)"), children: (1...actions).map { action in
                    let number = "\(area).\(goal).\(action)"
                    return PlanItem(number: number, title: LocalizedText(fi: "Toimenpide \(number): liikuntaneuvontaa ikäihmisille"),
                                    action: ActionDetails(responsible: [ResponsibleParty(organisation: "loviisa")],
                                                          schedule: Schedule(parsing: "2021 alkaen")),
                                    measures: [Measure(id: "\(number)-m1", kind: .doneNotDone, title: LocalizedText(fi: "Toteutunut / Ei toteutunut"))])
                })
            })
        }
        let reports = items.flatMap { $0.flattened() }.filter { $0.item.action != nil }.flatMap { entry in
            [StatusReport(item: entry.item.number, period: ReportingPeriod(year: 2021, part: .half(1)), status: .inProgress),
             StatusReport(item: entry.item.number, period: ReportingPeriod(year: 2021, part: .half(2)), status: .done)]
        }
        let plan = Plan(id: id, kind: .annualPlan, title: LocalizedText(fi: "Suuri suunnitelma"), period: YearSpan(start: 2021, end: 2022),
                        owner: "loviisa", levels: [LocalizedText(fi: "painopiste"), LocalizedText(fi: "tavoite"), LocalizedText(fi: "toimenpide")])
        return PlanDocument(plan: plan, items: items, statusReports: reports)
    }

    @Test func storageKilledDuringAnImportLeavesAnIntactDatabase() async throws {
        let directory = try temporaryDirectory()
        let endpoint = "tcp://127.0.0.1:\(freePort())"
        let database = "\(directory)/hyte.sqlite"
        let environment = ["HYTE_BUS": endpoint, "HYTE_DATA_DIR": directory, "HYTE_DATABASE_URL": "sqlite://\(database)",
                           "HYTE_HEARTBEAT_MS": "250"]
        let broker = try Child("hyte-broker", [], environment: environment)
        var storage = try Child("hyte-storage", [], environment: environment)
        let client = MajordomoClient(endpoint: endpoint)
        #expect(await client.waitForServices(["storage"], timeout: .seconds(30)).isEmpty)
        _ = try await client.call(StorageContracts.UpsertOrganisations.self,
                                  .init(organisations: [Organisation(id: "loviisa", kind: .municipality, name: LocalizedText(fi: "Loviisa"))]))

        let big = Self.syntheticPlan(id: "big", areas: 10, goals: 10, actions: 40)
        let file = "\(directory)/big.json"
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        try encoder.encode(big).write(to: URL(fileURLWithPath: file))

        // Start the import in another process and kill storage once it is busy with it.
        let importer = try Child("hyte", ["plan", "import", file], environment: environment)
        // (If the import is already over, the kill below tests a restart after a complete import.)
        try await eventually("storage is busy with the import", timeout: .seconds(60)) {
            try await client.brokerServices().first { $0.service == "storage" }?.idle == 0 || !importer.process.isRunning
        }
        storage.kill(SIGKILL)
        importer.kill(SIGKILL)

        // The file is intact …
        let queue = try DatabaseQueue(path: database)
        let integrity = try await queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") }
        #expect(integrity == "ok")
        try await queue.close()

        // … and after a restart the plan is either all there or not there at all.
        storage = try Child("hyte-storage", [], environment: environment)
        #expect(await client.waitForServices(["storage"], timeout: .seconds(30)).isEmpty)
        let plans = try await client.call(PlanContracts.List.self, Empty(), options: RequestOptions(timeout: .seconds(30), retries: 1)).plans
        if let stored = plans.first(where: { $0.id == "big" }) {
            #expect(stored.actions == 4000)
            #expect(stored.statusReports == 8000)
        } else {
            #expect(plans.isEmpty)
        }
        // The import can be run again and completes.
        let again = try runTool("hyte", ["plan", "import", file], environment: environment)
        #expect(again.status == 0, "\(again.error)")
        let after = try await client.call(PlanContracts.List.self, Empty(), options: RequestOptions(timeout: .seconds(30), retries: 1)).plans
        #expect(after.first { $0.id == "big" }?.actions == 4000)
        #expect(after.first { $0.id == "big" }?.statusReports == 8000)

        await client.close()
        storage.kill(SIGTERM)
        broker.kill(SIGTERM)
    }
}
