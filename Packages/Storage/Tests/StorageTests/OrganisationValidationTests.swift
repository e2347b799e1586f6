import BusCore
import Foundation
import Model
import Testing
@testable import Storage

/// Each case: a batch sent to an empty database (after `Sample.loviisa` is stored) and the
/// message its refusal must start with.
struct InvalidBatch: Sendable, CustomTestStringConvertible {
    var label: String
    var organisations: [Organisation]
    var message: String
    var testDescription: String { label }
}

private func unit(_ id: String, parent: String? = "loviisa", name: LocalizedText = LocalizedText(fi: "Yksikkö")) -> Organisation {
    Organisation(id: id, kind: .unit, name: name, parentId: parent)
}

@Suite struct OrganisationValidationTests {
    static let invalidBatches: [InvalidBatch] = [
        InvalidBatch(label: "empty id", organisations: [unit("a"), unit("")],
                     message: "organisations[1].id: must not be empty"),
        InvalidBatch(label: "id with a space", organisations: [unit("loviisa hallinto")],
                     message: "organisations[0].id: 'loviisa hallinto' must not contain spaces"),
        InvalidBatch(label: "no name", organisations: [unit("a", name: LocalizedText(fi: " ", sv: ""))],
                     message: "organisations[0].name: give the name in at least one language (fi, sv or en)"),
        InvalidBatch(label: "duplicate id", organisations: [unit("a"), unit("b"), unit("a")],
                     message: "organisations[2].id: 'a' is given twice (also as organisations[0])"),
        InvalidBatch(label: "own parent", organisations: [unit("a", parent: "a")],
                     message: "organisations[0].parentId: 'a' is the organisation itself"),
        InvalidBatch(label: "empty parent", organisations: [unit("a", parent: "")],
                     message: "organisations[0].parentId: is empty"),
        InvalidBatch(label: "cycle in the request", organisations: [unit("a", parent: "b"), unit("b", parent: "a")],
                     message: "organisations[0].parentId: 'b' would make a cycle: a → b → a"),
        InvalidBatch(label: "cycle through the stored tree",
                     organisations: [Organisation(id: "loviisa", kind: .municipality, name: LocalizedText(fi: "Loviisa"),
                                                  parentId: "loviisa.perusturva"),
                                     Organisation(id: "loviisa.perusturva", kind: .department,
                                                  name: LocalizedText(fi: "Perusturvakeskus"), parentId: "loviisa")],
                     message: "organisations[0].parentId: 'loviisa.perusturva' would make a cycle: loviisa → loviisa.perusturva → loviisa"),
    ]

    @Test(arguments: Backend.allCases, OrganisationValidationTests.invalidBatches)
    func refusesInvalidBatchAndStoresNothing(_ backend: Backend, _ batch: InvalidBatch) async throws {
        try await withStorage(backend) { storage in
            _ = try await storage.upsert([Sample.loviisa])
            let error = await #expect(throws: ServiceCallError.self) { try await storage.upsert(batch.organisations) }
            #expect(error?.status == 400)
            #expect(error?.error.message.hasPrefix(batch.message) == true, "got: \(error?.error.message ?? "no error")")
            #expect(try await storage.list() == [Sample.loviisa])
            #expect(try await storage.store.backend.auditEntries().count == 1)
        }
    }

    @Test func reportsEveryIssueOfTheBatch() {
        let validator = OrganisationValidator(stored: ["loviisa": String?.none])
        let issues = validator.issues(in: [unit(""), unit("b", parent: "x"), unit("c", name: LocalizedText())])
        #expect(issues.map(\.field) == ["organisations[0].id", "organisations[2].name", "organisations[1].parentId"])
    }

    @Test func acceptsAParentThatIsStoredOrSentInAnyOrder() {
        let validator = OrganisationValidator(stored: ["loviisa": String?.none, "loviisa.perusturva": "loviisa"])
        let issues = validator.issues(in: [
            unit("loviisa.perusturva.seniori", parent: "loviisa.perusturva"),
            unit("c", parent: "d"),
            unit("d", parent: "loviisa"),
        ])
        #expect(issues.isEmpty)
    }

    @Test(arguments: Backend.allCases)
    func aKindThePayloadDoesNotKnowIsRefusedWithItsPath(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let payload = Data(#"{"organisations":[{"id":"a","kind":"village","name":{"fi":"A"},"version":1}]}"#.utf8)
            let request = BusRequest(operation: StorageContracts.UpsertOrganisations.operation,
                                     headers: RequestHeaders(requestId: "r-kind"), payload: payload)
            let reply = try await storage.bus.request(service: ServiceName.storage, request, options: RequestOptions())
            #expect(reply.status == 400)
            let body = try JSONCoding.decoder.decode(ErrorBody.self, from: reply.payload)
            #expect(body.code == "invalid_payload")
            #expect(body.message.contains("organisations[0].kind"))
            #expect(try await storage.list().isEmpty)
        }
    }
}
