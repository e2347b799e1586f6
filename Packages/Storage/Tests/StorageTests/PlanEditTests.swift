import BusCore
import BusTesting
import Foundation
import Model
import Testing
@testable import Storage

extension InMemoryBus {
    func editPlan(_ planId: String, expectedVersion: Int, _ edits: [PlanEdit], requestId: String = UUID().uuidString,
                  actor: String = "coordinator@loviisa.fi") async throws -> PlanEditContracts.Edit.Response {
        try await call(PlanEditContracts.Edit.self, .init(planId: planId, expectedVersion: expectedVersion, edits: edits),
                       headers: RequestHeaders(requestId: requestId, actor: Actor(id: actor)))
    }

    func deletePlan(_ planId: String, expectedVersion: Int,
                    requestId: String = UUID().uuidString) async throws -> PlanEditContracts.Delete.Response {
        try await call(PlanEditContracts.Delete.self, .init(planId: planId, expectedVersion: expectedVersion),
                       headers: RequestHeaders(requestId: requestId, actor: Actor(id: "coordinator@loviisa.fi")))
    }

    func deleteOrganisation(_ id: String, expectedVersion: Int) async throws -> PlanEditContracts.DeleteOrganisation.Response {
        try await call(PlanEditContracts.DeleteOrganisation.self, .init(id: id, expectedVersion: expectedVersion),
                       headers: RequestHeaders(requestId: UUID().uuidString, actor: Actor(id: "admin@loviisa.fi")))
    }
}

/// The outcome of `body`: its value or its error.
private func capture<T: Sendable>(_ body: () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

@Suite struct PlanEditTests {
    static let newAction = PlanSample.action("1.1.3", "Liikuntaneuvonta", responsible: [
        ResponsibleParty(organisation: "loviisa.perusturva"),
    ])

    @Test(arguments: Backend.allCases)
    func itemsActionsAndMeasuresAreAddedUpdatedAndDeletedWithAuditAndVersions(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            _ = try await bus.importPlan(PlanSample.document())
            let planId = PlanSample.planId

            let added = try await bus.editPlan(planId, expectedVersion: 1, [.addItem(parent: "1.1", position: 0, item: Self.newAction)])
            #expect(added == .init(planId: planId, version: 2, changed: 1))
            var plan = try await bus.getPlan(planId)
            #expect(plan.items[0].children[0].children.map(\.number) == ["1.1.3", "1.1.1", "1.1.2"])

            var retitled = Self.newAction
            retitled.title = LocalizedText(fi: "Liikuntaneuvonta kaikille", sv: "Motionsrådgivning för alla")
            let value = Measure(id: "1.1.3-m2", kind: .value, title: LocalizedText(fi: "Neuvottujen määrä"), unit: "hlö",
                                baseline: YearValue(year: 2020, value: 40), target: YearValue(year: 2025, value: 120),
                                direction: .higherIsBetter)
            let edited = try await bus.editPlan(planId, expectedVersion: 2, [
                .updateItem(number: "1.1.3", item: retitled),
                .setMeasure(item: "1.1.3", measure: value),
                .deleteMeasure(item: "1.1.3", id: "1.1.3-m1"),
                .setAction(item: "1.1.2", action: ActionDetails(responsible: [ResponsibleParty(organisation: "loviisa.4h")])),
            ])
            #expect(edited == .init(planId: planId, version: 3, changed: 4))
            plan = try await bus.getPlan(planId)
            let item = try #require(plan.items.item(numbered: "1.1.3"))
            #expect(item.title.sv == "Motionsrådgivning för alla")
            #expect(item.measures == [value])
            #expect(plan.items.item(numbered: "1.1.2")?.action?.responsible == [ResponsibleParty(organisation: "loviisa.4h")])
            #expect(plan.plan.version == 3)

            let deleted = try await bus.editPlan(planId, expectedVersion: 3, [.deleteItem(number: "1.1.3")])
            #expect(deleted == .init(planId: planId, version: 4, changed: 1))
            #expect(try await bus.getPlan(planId).items.item(numbered: "1.1.3") == nil)

            // Setting what is stored changes nothing: no new version, no audit entry.
            let same = try await bus.editPlan(planId, expectedVersion: 4, [.setAction(
                item: "1.1.2", action: ActionDetails(responsible: [ResponsibleParty(organisation: "loviisa.4h")]))])
            #expect(same == .init(planId: planId, version: 4, changed: 0))

            let audit = try await bus.listAudit()
            let edits = audit.filter { ["plan-item", "measure"].contains($0.recordType) }.reversed().map {
                "\($0.operation) \($0.recordType) \($0.recordId)"
            }
            #expect(edits == [
                "create plan-item \(planId)/1.1.3", "update plan-item \(planId)/1.1.3", "create measure \(planId)/1.1.3/1.1.3-m2",
                "delete measure \(planId)/1.1.3/1.1.3-m1", "update plan-item \(planId)/1.1.2", "delete plan-item \(planId)/1.1.3",
            ])
            let deletion = try #require(audit.first { $0.operation == "delete" && $0.recordType == "plan-item" })
            #expect(deletion.after == nil)
            #expect(deletion.before?.contains("Liikuntaneuvonta kaikille") == true)
            #expect(deletion.actor == "coordinator@loviisa.fi")
        }
    }

    @Test(arguments: Backend.allCases)
    func aStaleVersionIsRefusedWith409AndOneOfTwoConcurrentEditsWins(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            _ = try await bus.importPlan(PlanSample.document())
            async let first = capture { try await bus.editPlan(PlanSample.planId, expectedVersion: 1, [
                .setAction(item: "1.1.1", action: ActionDetails(notes: LocalizedText(fi: "A"))),
            ]) }
            async let second = capture { try await bus.editPlan(PlanSample.planId, expectedVersion: 1, [
                .setAction(item: "1.1.1", action: ActionDetails(notes: LocalizedText(fi: "B"))),
            ]) }
            let results = await [first, second]
            let winners = results.compactMap { try? $0.get() }
            let losers = results.compactMap { result -> ServiceCallError? in
                if case .failure(let error) = result { return error as? ServiceCallError }
                return nil
            }
            #expect(winners == [.init(planId: PlanSample.planId, version: 2, changed: 1)])
            #expect(losers.count == 1)
            #expect(losers.first?.status == 409)
            #expect(losers.first?.error.message.hasPrefix("plan '\(PlanSample.planId)' is at version 2, but the edit was made from version 1") == true)
            let notes = try await bus.getPlan(PlanSample.planId).items.item(numbered: "1.1.1")?.action?.notes?.fi
            #expect(notes == "A" || notes == "B")
        }
    }

    @Test(arguments: Backend.allCases)
    func badEditsNameTheEditAndChangeNothing(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            _ = try await bus.importPlan(PlanSample.document(reports: [PlanSample.report("1.1.1")]))
            let cases: [([PlanEdit], Int, String)] = [
                ([.setMeasure(item: "1.1.2", measure: Measure(id: "x", kind: .count, title: LocalizedText(fi: "x"))),
                  .deleteItem(number: "1.1")], 409,
                 "edits[1] (item.delete): item '1.1' cannot be deleted: 1 status report(s) name it or an item below it (1.1.1)"),
                ([.deleteMeasure(item: "9.9", id: "m")], 404, "edits[0] (measure.delete): plan '\(PlanSample.planId)' has no item with the number '9.9'"),
                ([.addItem(parent: "1", position: nil, item: Self.newAction), .addItem(parent: "1", position: nil, item: Self.newAction)],
                 409, "edits[1] (item.add): plan '\(PlanSample.planId)' already has an item numbered '1.1.3'"),
                ([.setAction(item: "1.1.2", action: ActionDetails(responsible: [ResponsibleParty(organisation: "kotka")]))], 400,
                 "after the edits: items[0].children[0].children[1].action.responsible[0].organisation: 'kotka' is not a known organisation"),
            ]
            for (edits, status, message) in cases {
                let error = await #expect(throws: ServiceCallError.self) {
                    try await bus.editPlan(PlanSample.planId, expectedVersion: 1, edits)
                }
                #expect(error?.status == status)
                #expect(error?.error.message.hasPrefix(message) == true, "\(error?.error.message ?? "")")
            }
            let stored = try await bus.getPlan(PlanSample.planId)
            #expect(stored.plan.version == 1)
            #expect(stored.items == PlanSample.document().items)
        }
    }

    @Test(arguments: Backend.allCases)
    func theSameEditRequestIsAppliedOnce(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            _ = try await bus.importPlan(PlanSample.document())
            let edit: [PlanEdit] = [.addItem(parent: "1.1", position: nil, item: Self.newAction)]
            let first = try await bus.editPlan(PlanSample.planId, expectedVersion: 1, edit, requestId: "edit-1")
            let again = try await bus.editPlan(PlanSample.planId, expectedVersion: 1, edit, requestId: "edit-1")
            #expect(first == again)
            #expect(try await bus.getPlan(PlanSample.planId).plan.version == 2)
            #expect(try await bus.listAudit(recordType: "plan-item").count == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func aPlanIsDeletedWithItsReportsKeptInTheAudit(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            _ = try await bus.importPlan(PlanSample.document(reports: [PlanSample.report(), PlanSample.report("1.1.2")]))
            let stale = await #expect(throws: ServiceCallError.self) { try await bus.deletePlan(PlanSample.planId, expectedVersion: 7) }
            #expect(stale?.status == 409)
            let reply = try await bus.deletePlan(PlanSample.planId, expectedVersion: 1)
            #expect(reply == .init(planId: PlanSample.planId, statusReportsDeleted: 2))
            #expect(try await bus.listPlans().isEmpty)
            let missing = await #expect(throws: ServiceCallError.self) { try await bus.getPlan(PlanSample.planId) }
            #expect(missing?.status == 404)
            let entry = try #require(try await bus.listAudit(recordType: "plan", recordId: PlanSample.planId).first)
            #expect(entry.operation == "delete")
            let before = try JSONCoding.decoder.decode(PlanDocument.self, from: Data(try #require(entry.before).utf8))
            #expect(before.statusReports.count == 2)
            #expect(before.items == PlanSample.document().items)
            // The same plan can be imported again afterwards.
            #expect(try await bus.importPlan(PlanSample.document()).outcome == .created)
        }
    }

    @Test(arguments: Backend.allCases)
    func organisationsAreDeletedOnlyWhenNothingNamesThemAndUpdatesCheckVersions(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let bus = storage.bus
            _ = try await storage.upsert([Sample.kymsote, Sample.kotka, Sample.hamina])
            _ = try await bus.importPlan(PlanSample.document())

            let referenced = await #expect(throws: ServiceCallError.self) { try await bus.deleteOrganisation("loviisa.4h", expectedVersion: 1) }
            #expect(referenced?.status == 409)
            #expect(referenced?.error.message == "organisation 'loviisa.4h' cannot be deleted: plan(s) '\(PlanSample.planId)' name it")
            let parent = await #expect(throws: ServiceCallError.self) { try await bus.deleteOrganisation("kymsote", expectedVersion: 1) }
            #expect(parent?.error.message == "organisation 'kymsote' cannot be deleted: 'hamina', 'kotka' belong(s) to it")

            // Optimistic concurrency on organisations: renamed from version 1 twice; the second is stale.
            var renamed = Sample.kotka
            renamed.name = LocalizedText(fi: "Kotkan kaupunki", sv: "Kotka stad")
            let reply = try await bus.call(StorageContracts.UpsertOrganisations.self,
                                           .init(organisations: [renamed], expectedVersions: ["kotka": 1]),
                                           headers: RequestHeaders(actor: Actor(id: "a")))
            #expect(reply.updated == 1)
            renamed.name = LocalizedText(fi: "Kotka")
            let stale = await #expect(throws: ServiceCallError.self) {
                try await bus.call(StorageContracts.UpsertOrganisations.self,
                                   .init(organisations: [renamed], expectedVersions: ["kotka": 1]),
                                   headers: RequestHeaders(actor: Actor(id: "b")))
            }
            #expect(stale?.status == 409)
            #expect(stale?.error.message.hasPrefix("organisation 'kotka' is at version 2, but the change was made from version 1") == true)
            #expect(try await storage.get("kotka").name.fi == "Kotkan kaupunki")

            let wrongVersion = await #expect(throws: ServiceCallError.self) { try await bus.deleteOrganisation("hamina", expectedVersion: 3) }
            #expect(wrongVersion?.status == 409)
            #expect(try await bus.deleteOrganisation("hamina", expectedVersion: 1) == .init(id: "hamina"))
            #expect(try await storage.list().map(\.id).contains("hamina") == false)
            let audit = try #require(try await bus.listAudit(recordType: "organisation", recordId: "hamina").first)
            #expect(audit.operation == "delete")
            #expect(audit.before?.contains("Fredrikshamn") == true)
        }
    }
}
