import Foundation
import Model
import Testing
@testable import Storage

@Suite struct ExampleOrganisationsTests {
    /// `examples/organisations.json` at the root of the repository.
    static let exampleFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/organisations.json")

    @Test(arguments: Backend.allCases)
    func exampleFileImportsCleanlyAndTwice(_ backend: Backend) async throws {
        let file = try JSONDecoder().decode(OrganisationFile.self, from: Data(contentsOf: Self.exampleFile))
        try await withStorage(backend) { storage in
            let count = file.organisations.count
            #expect(try await storage.upsert(file.organisations) == .init(created: count, updated: 0, unchanged: 0))
            #expect(try await storage.upsert(file.organisations) == .init(created: 0, updated: 0, unchanged: count))
            let loviisa = try await storage.get("loviisa")
            #expect(loviisa.name == LocalizedText(fi: "Loviisa", sv: "Lovisa", en: "Loviisa"))
            let units = try await storage.list().filter { $0.parentId == "loviisa.perusturva" }.map(\.name.fi)
            #expect(units == ["Hallinto", "Lasten ja nuorten palvelut", "Senioripalvelut", "Työikäisten palvelut"])
        }
    }
}
