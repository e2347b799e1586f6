import Foundation
import Model
import PlanFormats
import Testing

@Suite("Example plans")
struct PlanYAMLExampleTests {
    @Test func examplesDirectoryHoldsTheActionMatrix() throws {
        #expect(try ExamplePlans.yamlFiles().map(\.lastPathComponent).contains("loviisa-action-matrix.yaml"))
    }

    @Test(arguments: ExamplePlans.names())
    func exampleDecodesValidatesAndRoundTrips(name: String) throws {
        let document = try PlanYAML.decode(ExamplePlans.text(name), fileName: name)
        #expect(document.format == PlanDocument.currentFormat)
        #expect(!document.items.isEmpty)
        #expect(PlanValidator.validate(document, fileName: name).map(\.description) == [])

        let exported = try PlanYAML.encode(document)
        let imported = try PlanYAML.decode(exported, fileName: "exported-\(name)")
        #expect(imported == document)
        #expect(try PlanYAML.encode(imported) == exported)

        let json = try PlanJSON.encode(document)
        let fromJSON = try PlanJSON.decode(json, fileName: "exported.json")
        #expect(try PlanJSON.encode(fromJSON) == json)
        #expect(try PlanYAML.encode(fromJSON) == exported)
    }

    @Test func actionMatrixHasEveryFocusAreaGoalAndAction() throws {
        let document = try PlanYAML.decode(ExamplePlans.text("loviisa-action-matrix.yaml"), fileName: "loviisa-action-matrix.yaml")
        #expect(document.plan.owner == "loviisa")
        #expect(document.plan.levels.map(\.fi) == ["painopiste", "tavoite", "toimenpide"])
        #expect(document.items.map(\.title.fi) == ["Asukkaiden osallisuus", "Ehkäisevä toiminta ja oikea-aikaiset palvelut",
                                                     "Hyvinvointia tukeva ympäristö kestävä kehitys huomioiden"])
        let depths = Dictionary(grouping: document.allItems, by: \.depth).mapValues(\.count)
        #expect(depths == [0: 3, 1: 9, 2: 84])
        let actions = document.allItems.filter { $0.depth == 2 }.map(\.item)
        #expect(actions.allSatisfy { !($0.action?.responsible.isEmpty ?? true) })
        let chat = try #require(actions.first { $0.number == "3.3.3" })
        #expect(chat.action?.schedule?.startYear == 2021)
        #expect(chat.action?.schedule?.endYear == 2023)
    }
}
