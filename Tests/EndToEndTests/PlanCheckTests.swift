import Foundation
import Testing

/// `hyte plan check` on the bundled plans, as a coordinator runs it before an import.
@Suite struct PlanCheckTests {
    @Test func printsTheTreeWithTheStatusOfThePeriod() throws {
        let result = try runTool("hyte", ["plan", "check", "\(repositoryRoot)/examples/plans/loviisa-perusturvakeskus-2021.yaml",
                                          "--period", "2021H1"])
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("75 kohtaa, 30 toimenpidettä"))
        #expect(result.output.contains("1.1.1.1 Toimintasuunnitelma / keino: Toteutetaan avoneuvolan kokeilu"))
        #expect(result.output.contains("tila 2021H1: → siirtynyt — Koronavirustilanteen vuoksi"))
    }

    @Test func speaksSwedishAndMarksFinnishFallbacks() throws {
        let result = try runTool("hyte", ["plan", "check", "\(repositoryRoot)/examples/plans/loviisa-perusturvakeskus-2021.yaml",
                                          "--period", "2021H1", "--lang", "sv"])
        #expect(result.status == 0)
        #expect(result.output.contains("75 punkter, 30 åtgärder"))
        #expect(result.output.contains("status 2021H1: → uppskjuten"))
        #expect(result.output.contains("(fi)"))
    }

    @Test func namesTheFileLineAndFieldOfABadPlan() throws {
        let directory = try temporaryDirectory()
        let file = "\(directory)/broken.yaml"
        try """
        format: hyte-plan/1
        plan:
          id: broken
          kind: annual-plan
          title: {fi: "Rikki"}
          period: {start: 2021, end: 2021}
          owner: loviisa
          levels: [{fi: tavoite}, {fi: toimenpide}]
        items:
          - number: "1"
            title: {fi: "Tavoite"}
        statusReports:
          - {item: "1", period: 2021H3, status: done}
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let result = try runTool("hyte", ["plan", "check", file])
        #expect(result.status == 4)
        #expect(result.error.contains("broken.yaml"))
        #expect(result.error.contains("statusReports[0].period"))
        #expect(result.error.contains("2021H3"))
    }
}
