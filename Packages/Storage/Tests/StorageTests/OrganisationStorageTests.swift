import BusCore
import BusTesting
import Foundation
import Model
import Testing
@testable import Storage

@Suite struct OrganisationStorageTests {
    @Test(arguments: Backend.allCases)
    func upsertCountsCreatedUpdatedAndUnchangedAndBumpsVersions(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let first = try await storage.upsert([Sample.kymsote, Sample.kotka, Sample.hamina])
            #expect(first == .init(created: 3, updated: 0, unchanged: 0))

            var renamed = Sample.kotka
            renamed.name = LocalizedText(fi: "Kotkan kaupunki", sv: "Kotka stad")
            let second = try await storage.upsert([Sample.kymsote, renamed, Sample.loviisa])
            #expect(second == .init(created: 1, updated: 1, unchanged: 1))

            let organisations = try await storage.list()
            #expect(organisations.map(\.id) == ["hamina", "kotka", "kymsote", "loviisa"])
            #expect(organisations.map(\.version) == [1, 2, 1, 1])
            let kotka = try await storage.get("kotka")
            #expect(kotka == Organisation(id: "kotka", kind: .municipality,
                                          name: LocalizedText(fi: "Kotkan kaupunki", sv: "Kotka stad"),
                                          parentId: "kymsote", version: 2))
            #expect(try await storage.get("hamina").name == LocalizedText(fi: "Hamina", sv: "Fredrikshamn"))

            var moved = renamed
            moved.kind = .region
            moved.parentId = nil
            #expect(try await storage.upsert([moved]) == .init(created: 0, updated: 1, unchanged: 0))
            let third = try await storage.get("kotka")
            #expect(third.version == 3)
            #expect(third.kind == .region)
            #expect(third.parentId == nil)
        }
    }

    @Test(arguments: Backend.allCases)
    func acceptsChildrenBeforeTheirParentsInOneRequest(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let reply = try await storage.upsert([Sample.seniori, Sample.perusturva, Sample.loviisa])
            #expect(reply == .init(created: 3, updated: 0, unchanged: 0))
            #expect(try await storage.get("loviisa.perusturva.seniori").parentId == "loviisa.perusturva")
        }
    }

    @Test(arguments: Backend.allCases)
    func blankNameLanguagesAreLeftOut(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let loviisa = Organisation(id: "loviisa", kind: .municipality, name: LocalizedText(fi: "Loviisa", sv: "  ", en: ""))
            _ = try await storage.upsert([loviisa])
            #expect(try await storage.get("loviisa").name == LocalizedText(fi: "Loviisa"))
            // The same organisation sent again is unchanged, blanks and all.
            #expect(try await storage.upsert([loviisa]) == .init(created: 0, updated: 0, unchanged: 1))
        }
    }

    @Test(arguments: Backend.allCases)
    func unknownParentIsRefusedWithTheFieldAndNothingIsStored(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let orphan = Organisation(id: "loviisa.hallinto", kind: .unit, name: LocalizedText(fi: "Hallinto"),
                                      parentId: "loviisa.x")
            let batch = [Sample.loviisa, Sample.perusturva, Sample.seniori, orphan]
            let error = await #expect(throws: ServiceCallError.self) {
                try await storage.upsert(batch, requestId: "import-1")
            }
            #expect(error?.status == 400)
            #expect(error?.error.code == "bad_request")
            #expect(error?.error.message.hasPrefix("organisations[3].parentId: 'loviisa.x' is not a known organisation") == true)
            #expect(error?.error.details?["field"] == "organisations[3].parentId")
            #expect(try await storage.list().isEmpty)
            #expect(try await storage.store.backend.auditEntries().isEmpty)

            // A refused request is not recorded: the corrected batch under the same id is applied.
            var fixed = orphan
            fixed.parentId = "loviisa.perusturva"
            let reply = try await storage.upsert([Sample.loviisa, Sample.perusturva, Sample.seniori, fixed], requestId: "import-1")
            #expect(reply == .init(created: 4, updated: 0, unchanged: 0))
        }
    }

    @Test(arguments: Backend.allCases)
    func sameRequestIdIsAppliedOnce(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let first = try await storage.upsert([Sample.kymsote, Sample.kotka], requestId: "r-1")
            let second = try await storage.upsert([Sample.kymsote, Sample.kotka], requestId: "r-1")
            #expect(first == .init(created: 2, updated: 0, unchanged: 0))
            #expect(second == first)

            // Even a different payload under an applied id changes nothing.
            var renamed = Sample.kotka
            renamed.name = LocalizedText(fi: "Muutettu")
            #expect(try await storage.upsert([renamed], requestId: "r-1") == first)
            #expect(try await storage.get("kotka") == Sample.kotka)

            let audit = try await storage.store.backend.auditEntries()
            #expect(audit.map(\.recordId) == ["kymsote", "kotka"])
            #expect(audit.map(\.requestId) == ["r-1", "r-1"])
        }
    }

    @Test(arguments: Backend.allCases)
    func auditRowsCarryActorTimeAndBeforeAndAfter(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            _ = try await storage.upsert([Sample.loviisa], requestId: "r-create", actor: "coordinator@loviisa.fi")
            var renamed = Sample.loviisa
            renamed.name.en = "Loviisa"
            _ = try await storage.upsert([renamed], requestId: "r-update", actor: "operator@kymsote.fi")
            _ = try await storage.upsert([renamed], requestId: "r-same", actor: "operator@kymsote.fi")

            let audit = try await storage.store.backend.auditEntries()
            #expect(audit.count == 2)
            let create = try #require(audit.first)
            #expect(create.actor == "coordinator@loviisa.fi")
            #expect(create.operation == "create")
            #expect(create.recordType == "organisation")
            #expect(create.recordId == "loviisa")
            #expect(create.requestId == "r-create")
            #expect(create.at == "2021-11-15T10:00:00Z")
            #expect(create.before == nil)
            #expect(try decode(create.after) == Sample.loviisa)

            let update = try #require(audit.last)
            #expect(update.actor == "operator@kymsote.fi")
            #expect(update.operation == "update")
            #expect(try decode(update.before) == Sample.loviisa)
            var expectedAfter = renamed
            expectedAfter.version = 2
            #expect(try decode(update.after) == expectedAfter)
        }
    }

    @Test(arguments: Backend.allCases)
    func getOfUnknownIdIsNotFound(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            _ = try await storage.upsert([Sample.loviisa])
            let error = await #expect(throws: ServiceCallError.self) { try await storage.get("lovisa") }
            #expect(error?.status == 404)
            #expect(error?.error.code == "not_found")
            #expect(error?.error.message.contains("'lovisa'") == true)
        }
    }

    @Test(arguments: Backend.allCases)
    func healthReportsBackendSchemaAndCount(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            _ = try await storage.upsert([Sample.kymsote, Sample.hamina])
            let health = try await storage.bus.health(of: ServiceName.storage)
            #expect(health.details["database"] == storage.database)
            #expect(health.details["schemaVersion"] == "v1,v2,v3,v4,v5")
            #expect(health.details["organisations"] == "2")
            #expect(health.details["status"] == nil)
            switch backend {
            case .sqlite:
                #expect(health.details["backend"] == "sqlite")
                #expect(health.details["journalMode"] == "wal")
            case .postgres:
                #expect(health.details["backend"] == "postgresql")
                #expect(health.details["serverVersion"]?.isEmpty == false)
                #expect(health.details["database"]?.contains("@") == false, "no credentials in health")
            }
            // The organisation and plan operations; the indicator and participation ones are checked with those.
            let planOperations = ["audit.list", "health", "measure.value.record", "organisation.delete", "organisation.get",
                                  "organisation.list", "organisation.upsert", "plan.delete", "plan.edit", "plan.get", "plan.import",
                                  "plan.list", "status.list", "status.record"]
            #expect(health.operations.filter { !$0.hasPrefix("indicator.") && !$0.hasPrefix("participation.") } == planOperations)
        }
    }

    private func decode(_ json: String?) throws -> Organisation {
        try JSONCoding.decoder.decode(Organisation.self, from: Data(try #require(json).utf8))
    }
}
