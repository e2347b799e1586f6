import Foundation
import Testing

/// Plans through the running stack as a welfare coordinator works with them: import the seed
/// plans, show one, record a status, list the follow-up, export and re-import, read the audit log.
@Suite(.serialized) struct PlanStackTests {
    @Test func importShowFollowUpExportAndAudit() async throws {
        let dataDirectory = try temporaryDirectory()
        let environment = ["HYTE_BUS": "tcp://127.0.0.1:\(freePort())", "HYTE_DATA_DIR": dataDirectory,
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_DATABASE_URL": ""]
        defer { _ = try? runTool("hyte", ["down"], environment: environment) }
        let up = try runTool("hyte", ["up", "--timeout", "90"], environment: environment)
        try #require(up.status == 0, "hyte up failed: \(up.output) \(up.error)")
        let examples = "\(repositoryRoot)/examples"
        #expect(try runTool("hyte", ["org", "import", "\(examples)/organisations.json"], environment: environment).status == 0)

        let plans = ["loviisa-action-matrix", "loviisa-perusturvakeskus-2021", "kymenlaakso-children-youth-2020-2024"]
        for plan in plans {
            let imported = try runTool("hyte", ["plan", "import", "\(examples)/plans/\(plan).yaml"], environment: environment)
            #expect(imported.status == 0, "\(plan): \(imported.error)")
            #expect(imported.output.contains("created, version 1"), "\(imported.output)")
            let again = try runTool("hyte", ["plan", "import", "\(examples)/plans/\(plan).yaml"], environment: environment)
            #expect(again.output.contains("unchanged, version 1, 0 status reports added"), "\(again.output)")
        }
        let list = try runTool("hyte", ["plan", "list"], environment: environment)
        for plan in plans { #expect(list.output.contains(plan)) }

        let show = try runTool("hyte", ["plan", "show", "loviisa-perusturvakeskus-2021", "--period", "2021H1"], environment: environment)
        #expect(show.status == 0)
        #expect(show.output.contains("75 kohtaa, 30 toimenpidettä"))
        #expect(show.output.contains("tila 2021H1: → siirtynyt — Koronavirustilanteen vuoksi"))

        let set = try runTool("hyte", ["status", "set", "loviisa-perusturvakeskus-2021/1.1.1.1", "--period", "2021H2",
                                       "--status", "done", "--note", "Ryhmäneuvola aloitti syyskuussa."], environment: environment)
        #expect(set.status == 0, "\(set.error)")
        #expect(set.output.contains("2021H2: ● toteutunut"))
        let unknown = try runTool("hyte", ["status", "set", "loviisa-perusturvakeskus-2021/9.9", "--period", "2021H2", "--status", "done"],
                                  environment: environment)
        #expect(unknown.status == 4)
        #expect(unknown.error.contains("9.9"))

        let statuses = try runTool("hyte", ["status", "list", "loviisa-perusturvakeskus-2021", "--period", "2021H2"], environment: environment)
        #expect(statuses.output.contains("Ryhmäneuvola aloitti syyskuussa."))

        // Export → import → export gives the same file, for every example and every form.
        for plan in plans {
            for format in ["yaml", "json", "csv", "xlsx"] {
                let first = "\(dataDirectory)/\(plan)-1.\(format)"
                let second = "\(dataDirectory)/\(plan)-2.\(format)"
                let exported = try runTool("hyte", ["plan", "export", plan, "--format", format, "-o", first], environment: environment)
                #expect(exported.status == 0, "\(plan) \(format): \(exported.error)")
                if format == "yaml" || format == "json" {
                    let reimport = try runTool("hyte", ["plan", "import", first], environment: environment)
                    #expect(reimport.output.contains("unchanged"), "\(plan) \(format): \(reimport.output) \(reimport.error)")
                }
                #expect(try runTool("hyte", ["plan", "export", plan, "--format", format, "-o", second], environment: environment).status == 0)
                #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)),
                        "\(plan) \(format) differs after the round trip")
            }
        }
        let xlsx = try runTool("hyte", ["plan", "export", "loviisa-action-matrix", "--format", "xlsx", "-o", "\(dataDirectory)/m.xlsx"],
                               environment: environment)
        #expect(xlsx.status == 0)

        // A plan naming an organisation nobody knows: refused with the line, nothing stored.
        let bad = "\(dataDirectory)/bad.yaml"
        try """
        format: hyte-plan/1
        plan:
          id: bad-plan
          kind: annual-plan
          title: {fi: "Virheellinen"}
          period: {start: 2022, end: 2022}
          owner: loviisa
          levels: [{fi: tavoite}, {fi: toimenpide}]
        items:
          - number: "1"
            title: {fi: "Tavoite"}
            children:
              - number: "1.1"
                title: {fi: "Toimenpide"}
                action:
                  responsible:
                    - {organisation: tuntematon-yhdistys}
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try runTool("hyte", ["plan", "import", bad], environment: environment)
        #expect(refused.status == 4)
        #expect(refused.error.contains("bad.yaml:17"), "\(refused.error)")
        #expect(refused.error.contains("tuntematon-yhdistys"))
        #expect(!(try runTool("hyte", ["plan", "list"], environment: environment)).output.contains("bad-plan"))

        let audit = try runTool("hyte", ["audit", "--limit", "500", "--json"], environment: environment)
        #expect(audit.status == 0)
        let entries = try JSONSerialization.jsonObject(with: Data(audit.output.utf8)) as? [[String: Any]] ?? []
        #expect(entries.contains { $0["recordType"] as? String == "plan" && $0["recordId"] as? String == "loviisa-action-matrix" })
        #expect(entries.contains { $0["recordType"] as? String == "status-report" })
    }
}
