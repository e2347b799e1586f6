import BusCore
import BusTesting
import Foundation
import Model
import Testing
@testable import Storage

@Suite struct PlanStorageTests {
    @Test(arguments: Backend.allCases)
    func importCreatesThenKeepsThenUpdatesWithVersions(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            let document = PlanSample.document(reports: [PlanSample.report()])
            let created = try await bus.importPlan(document)
            #expect(created == .init(planId: PlanSample.planId, outcome: .created, version: 1, statusReportsAdded: 1))

            let again = try await bus.importPlan(document)
            #expect(again == .init(planId: PlanSample.planId, outcome: .unchanged, version: 1, statusReportsAdded: 0))

            let renamed = PlanSample.document(title: "Hyvinvointisuunnitelma 2021–2025 (päivitetty)", reports: [PlanSample.report()])
            let updated = try await bus.importPlan(renamed, expectedVersion: 1)
            #expect(updated == .init(planId: PlanSample.planId, outcome: .updated, version: 2, statusReportsAdded: 0))

            let plans = try await bus.listPlans()
            #expect(plans == [PlanSummary(id: PlanSample.planId, kind: .councilTermWelfarePlan, title: renamed.plan.title,
                                          period: YearSpan(start: 2021, end: 2025), owner: "loviisa", state: .approved,
                                          version: 2, items: 4, actions: 2, statusReports: 1)])
            // The organisations of the document were upserted with the plan.
            #expect(try await storage.list().map(\.id) == ["loviisa", "loviisa.4h", "loviisa.perusturva"])
        }
    }

    @Test(arguments: Backend.allCases)
    func unknownResponsibleOrganisationIsRefusedWithItsPathAndNothingIsStored(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let document = PlanSample.document(partner: "loviisa.x")
            let error = await #expect(throws: ServiceCallError.self) {
                try await storage.bus.importPlan(document)
            }
            #expect(error?.status == 400)
            #expect(error?.error.code == "bad_request")
            let path = "items[0].children[0].children[1].action.responsible[1].organisation"
            #expect(error?.error.message.hasPrefix("\(path): 'loviisa.x' is not a known organisation") == true)
            #expect(error?.error.details?["path"] == path)
            #expect(try await storage.bus.listPlans().isEmpty)
            #expect(try await storage.list().isEmpty)
            #expect(try await storage.store.backend.auditEntries().isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func documentChecksNameTheirPaths(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            var duplicate = PlanSample.document()
            duplicate.items[0].children[0].children[1].number = "1.1.1"
            var outside = PlanSample.document(reports: [PlanSample.report("1.1.1", "2030")])
            outside.organisations = []
            _ = try await storage.upsert([Sample.loviisa, Sample.perusturva, PlanSample.fourH])
            let unknownItem = PlanSample.document(reports: [PlanSample.report("9.9")])
            for (document, path) in [(duplicate, "items[0].children[0].children[1].number"),
                                     (outside, "statusReports[0].period"), (unknownItem, "statusReports[0].item")] {
                let error = await #expect(throws: ServiceCallError.self) { try await storage.bus.importPlan(document) }
                #expect(error?.status == 400)
                #expect(error?.error.details?["path"] == path)
            }
            #expect(try await storage.bus.listPlans().isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func staleExpectedVersionIsAConflictNamingThePlan(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            _ = try await storage.bus.importPlan(PlanSample.document())
            _ = try await storage.bus.importPlan(PlanSample.document(title: "Toinen"), expectedVersion: 1)
            let error = await #expect(throws: ServiceCallError.self) {
                try await storage.bus.importPlan(PlanSample.document(title: "Kolmas"), expectedVersion: 1)
            }
            #expect(error?.status == 409)
            #expect(error?.error.code == "conflict")
            #expect(error?.error.message.contains("'\(PlanSample.planId)' is at version 2") == true)
            #expect(error?.error.message.contains("expected version 1") == true)
            #expect(try await storage.bus.getPlan(PlanSample.planId).plan.title.fi == "Toinen")
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentImportsWithTheSameExpectedVersionHaveOneWinner(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            _ = try await storage.bus.importPlan(PlanSample.document())
            // A second router on the same database, as a second worker would have.
            var secondWorker: PostgresBackend?
            if backend == .postgres, let postgres = storage.store.backend as? PostgresBackend {
                secondWorker = try await PostgresBackend.connect(postgres.location, logger: testLogger)
            }
            let other: InMemoryBus
            if let secondWorker {
                other = InMemoryBus()
                other.register(makeStorageRouter(store: OrganisationStore(backend: secondWorker, now: { fixedInstant })))
            } else {
                other = storage.bus
            }
            async let first = outcome { try await storage.bus.importPlan(PlanSample.document(title: "A"), expectedVersion: 1) }
            async let second = outcome { try await other.importPlan(PlanSample.document(title: "B"), expectedVersion: 1) }
            let results = await [first, second]
            await secondWorker?.shutdown()
            let winners = results.compactMap { try? $0.get() }
            #expect(winners.map(\.outcome) == [.updated])
            #expect(winners.map(\.version) == [2])
            let losers = results.compactMap { result -> ServiceCallError? in
                if case .failure(let error) = result { return error as? ServiceCallError }
                return nil
            }
            #expect(losers.map(\.status) == [409])
            #expect(try await storage.bus.getPlan(PlanSample.planId).plan.version == 2)
        }
    }

    @Test(arguments: Backend.allCases)
    func concurrentFirstImportsOfOnePlanCreateItOnce(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            var secondWorker: PostgresBackend?
            if backend == .postgres, let postgres = storage.store.backend as? PostgresBackend {
                secondWorker = try await PostgresBackend.connect(postgres.location, logger: testLogger)
            }
            let other: InMemoryBus
            if let secondWorker {
                other = InMemoryBus()
                other.register(makeStorageRouter(store: OrganisationStore(backend: secondWorker, now: { fixedInstant })))
            } else {
                other = storage.bus
            }
            let document = PlanSample.document(reports: [PlanSample.report()])
            async let first = outcome { try await storage.bus.importPlan(document) }
            async let second = outcome { try await other.importPlan(document) }
            let replies = try await [first, second].map { try $0.get() }
            await secondWorker?.shutdown()
            #expect(replies.map(\.outcome).sorted { $0.rawValue < $1.rawValue } == [.created, .unchanged])
            #expect(replies.map(\.statusReportsAdded).sorted() == [0, 1])
            #expect(try await storage.bus.listStatus(PlanSample.planId, currentOnly: false).count == 1)
            #expect(try await storage.bus.listAudit(recordType: "plan").count == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func recordingOnAnUnknownItemOrPlanIsNotFound(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            _ = try await storage.bus.importPlan(PlanSample.document())
            let item = await #expect(throws: ServiceCallError.self) {
                try await storage.bus.recordStatus(PlanSample.planId, PlanSample.report("7.7.7"))
            }
            #expect(item?.status == 404)
            #expect(item?.error.message.contains("'7.7.7'") == true)
            let plan = await #expect(throws: ServiceCallError.self) {
                try await storage.bus.recordStatus("no-such-plan", PlanSample.report())
            }
            #expect(plan?.status == 404)
            #expect(plan?.error.message.contains("'no-such-plan'") == true)
            let period = await #expect(throws: ServiceCallError.self) {
                try await storage.bus.recordStatus(PlanSample.planId, PlanSample.report("1.1.1", "2019H2"))
            }
            #expect(period?.status == 400)
            let missing = await #expect(throws: ServiceCallError.self) { try await storage.bus.getPlan("no-such-plan") }
            #expect(missing?.status == 404)
            #expect(try await storage.bus.listStatus(PlanSample.planId, currentOnly: false).isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func historyIsKeptAndCurrentOnlyGivesTheLatest(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            _ = try await bus.importPlan(PlanSample.document())
            let first = try await bus.recordStatus(PlanSample.planId, StatusReport(item: "1.1.1", period: .init(year: 2021, part: .half(1)),
                                                                                    status: .notStarted))
            #expect(first.reporter == "rehtori@loviisa.fi")
            #expect(first.reportedAt == fixedInstant)
            let second = try await bus.recordStatus(PlanSample.planId, PlanSample.report("1.1.1", "2021H1", .done))
            let other = try await bus.recordStatus(PlanSample.planId, PlanSample.report("1.1.2", "2021H2", .postponed))

            #expect(try await bus.listStatus(PlanSample.planId, currentOnly: false) == [first, second, other])
            #expect(try await bus.listStatus(PlanSample.planId, currentOnly: true) == [second, other])
            let half = try ReportingPeriod(parsing: "2021H1")
            #expect(try await bus.listStatus(PlanSample.planId, period: half, currentOnly: true) == [second])
            #expect(try await bus.getPlan(PlanSample.planId).statusReports == [first, second, other])
        }
    }

    @Test(arguments: Backend.allCases)
    func replayingStatusRecordAddsOneReport(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            _ = try await storage.bus.importPlan(PlanSample.document())
            let one = try await storage.bus.recordStatus(PlanSample.planId, PlanSample.report(), requestId: "report-1")
            let two = try await storage.bus.recordStatus(PlanSample.planId, PlanSample.report(), requestId: "report-1")
            #expect(one == two)
            #expect(try await storage.bus.listStatus(PlanSample.planId, currentOnly: false).count == 1)
            #expect(try await storage.bus.listAudit(recordType: "status-report").count == 1)
            // The same id for another operation is a conflict.
            let error = await #expect(throws: ServiceCallError.self) {
                try await storage.bus.importPlan(PlanSample.document(), requestId: "report-1")
            }
            #expect(error?.status == 409)
        }
    }

    @Test(arguments: Backend.allCases)
    func everyChangeIsAuditedWithItsActor(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            _ = try await bus.importPlan(PlanSample.document(reports: [PlanSample.report()]), actor: "anna@loviisa.fi")
            _ = try await bus.importPlan(PlanSample.document(title: "Uusi"), actor: "ben@loviisa.fi")
            _ = try await bus.recordStatus(PlanSample.planId, PlanSample.report("1.1.2"), actor: "cecilia@loviisa.fi")

            let entries = try await bus.listAudit()
            #expect(entries.map(\.recordType) == ["status-report", "plan", "status-report", "plan",
                                                  "organisation", "organisation", "organisation"])
            #expect(entries.map(\.actor) == ["cecilia@loviisa.fi", "ben@loviisa.fi"] + Array(repeating: "anna@loviisa.fi", count: 5))
            #expect(entries.map(\.operation) == ["record", "update", "record", "create", "create", "create", "create"])
            #expect(entries.allSatisfy { $0.at == fixedInstant })

            let plans = try await bus.listAudit(recordType: "plan", recordId: PlanSample.planId)
            #expect(plans.count == 2)
            let update = try #require(plans.first)
            let before = try JSONCoding.decoder.decode(PlanDocument.self, from: Data(try #require(update.before).utf8))
            let after = try JSONCoding.decoder.decode(PlanDocument.self, from: Data(try #require(update.after).utf8))
            #expect(before.plan.title.fi == "Hyvinvointisuunnitelma 2021–2025")
            #expect(after.plan.title.fi == "Uusi")
            #expect(after.statusReports.isEmpty)
            #expect(plans.last?.before == nil)
            #expect(try await bus.listAudit(limit: 2).count == 2)
        }
    }

    @Test(arguments: Backend.allCases)
    func exportedPlanImportsUnchangedAndExportsIdentically(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            for document in [PlanSample.document(reports: [PlanSample.report(), PlanSample.report("1.1.2", "2022")]),
                             PlanSample.large()] {
                let created = try await bus.importPlan(document)
                #expect(created.statusReportsAdded == document.statusReports.count)
                _ = try await bus.recordStatus(document.plan.id, PlanSample.report("1.1.1", "2023", .done))
                let exported = try await bus.getPlan(document.plan.id)
                #expect(exported.plan.version == 1)
                #expect(exported.statusReports.count == document.statusReports.count + 1)
                let again = try await bus.importPlan(exported, expectedVersion: 1)
                #expect(again == .init(planId: document.plan.id, outcome: .unchanged, version: 1, statusReportsAdded: 0))
                #expect(try await bus.getPlan(document.plan.id) == exported)
            }
            let summaries = try await bus.listPlans()
            #expect(summaries.map(\.id) == ["loviisa-action-matrix-2021", "loviisa-large-2021"])
            #expect(summaries.map(\.actions) == [2, 100])
            #expect(summaries.map(\.statusReports) == [3, 201])
        }
    }
}

/// The value `body` returns or the error it throws.
private func outcome<T>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do {
        return .success(try await body())
    } catch {
        return .failure(error)
    }
}
