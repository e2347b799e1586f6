import Foundation
import Testing

/// Changing a stored plan piece by piece through the running stack: a table edited in a
/// spreadsheet merged back, items and measures added, changed and deleted, a plan and an
/// organisation deleted — each change in the audit log.
@Suite(.serialized) struct PlanEditStackTests {
    @Test func tableMergeItemAndMeasureEditsAndDeletions() async throws {
        let dataDirectory = try temporaryDirectory()
        let environment = ["HYTE_BUS": "tcp://127.0.0.1:\(freePort())", "HYTE_DATA_DIR": dataDirectory,
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_DATABASE_URL": ""]
        defer { _ = try? runTool("hyte", ["down"], environment: environment) }
        let up = try runTool("hyte", ["up", "--timeout", "90"], environment: environment)
        try #require(up.status == 0, "hyte up failed: \(up.output) \(up.error)")
        let examples = "\(repositoryRoot)/examples"
        #expect(try runTool("hyte", ["org", "import", "\(examples)/organisations.json"], environment: environment).status == 0)
        let plan = "kymenlaakso-children-youth-2020-2024"
        #expect(try runTool("hyte", ["plan", "import", "\(examples)/plans/\(plan).yaml"], environment: environment).status == 0)

        // Export the table, change one action's text as a coordinator would in Excel, import it back.
        let table = "\(dataDirectory)/plan.csv"
        #expect(try runTool("hyte", ["plan", "export", plan, "--format", "csv", "-o", table], environment: environment).status == 0)
        var text = try String(contentsOfFile: table, encoding: .utf8)
        let unchanged = try runTool("hyte", ["plan", "import", table], environment: environment)
        #expect(unchanged.output.contains("unchanged, version 1"), "\(unchanged.output) \(unchanged.error)")
        #expect(unchanged.output.contains("0 items changed, 0 added, 0 not in the table and kept"))
        let yamlBefore = try runTool("hyte", ["plan", "export", plan, "--format", "yaml"], environment: environment).output
        let old = "Käynnistetty lapsivaikutusten arviointia vaiheittain"
        try #require(text.contains(old), "the example's table has the action text")
        text = text.replacingOccurrences(of: old, with: "Käynnistetty lapsivaikutusten arviointi vaiheittain")
        try text.write(toFile: table, atomically: true, encoding: .utf8)
        let merged = try runTool("hyte", ["plan", "import", table], environment: environment)
        #expect(merged.status == 0, "\(merged.error)")
        #expect(merged.output.contains("updated, version 2"), "\(merged.output)")
        let yamlAfter = try runTool("hyte", ["plan", "export", plan, "--format", "yaml"], environment: environment).output
        #expect(yamlAfter.contains("Käynnistetty lapsivaikutusten arviointi vaiheittain"))
        // What the table does not hold is still there: assessments, indicator links, measure details.
        for word in ["difficulty:", "impact:", "indicators:", "baseline:"] where yamlBefore.contains(word) {
            #expect(yamlAfter.components(separatedBy: word).count == yamlBefore.components(separatedBy: word).count, "\(word)")
        }

        // Items and measures one at a time.
        let add = try runTool("hyte", ["plan", "item", "add", "\(plan)/I.1.B.99", "--title", "Koulujen liikuntatuokiot",
                                       "--responsible", "liikuntatoimi @hamina", "--schedule", "2022–2024"], environment: environment)
        #expect(add.status == 0, "\(add.output) \(add.error)")
        #expect(add.output.contains("1 change(s), now version 3"), "\(add.output)")
        let measure = try runTool("hyte", ["plan", "measure", "set", "\(plan)/I.1.B.99", "--id", "m1", "--kind", "value",
                                           "--title", "Mukana olevat koulut", "--unit", "%", "--baseline", "2021=40",
                                           "--target", "2024=100", "--direction", "higher-is-better"], environment: environment)
        #expect(measure.output.contains("now version 4"), "\(measure.output) \(measure.error)")
        let update = try runTool("hyte", ["plan", "item", "update", "\(plan)/I.1.B.99", "--title", "Skolornas motionsstunder",
                                          "--lang", "sv"], environment: environment)
        #expect(update.output.contains("now version 5"), "\(update.output) \(update.error)")
        let shown = try runTool("hyte", ["plan", "show", plan, "--lang", "sv"], environment: environment).output
        #expect(shown.contains("Skolornas motionsstunder"))
        let stale = try runTool("hyte", ["plan", "item", "delete", "\(plan)/I.1.B.99", "--expected-version", "4"], environment: environment)
        #expect(stale.status == 4)
        #expect(stale.error.contains("is at version 5, but the edit was made from version 4"), "\(stale.error)")
        let deleted = try runTool("hyte", ["plan", "item", "delete", "\(plan)/I.1.B.99"], environment: environment)
        #expect(deleted.output.contains("now version 6"), "\(deleted.output) \(deleted.error)")

        let audit = try runTool("hyte", ["audit", "--json"], environment: environment).output
        for record in ["\(plan)/I.1.B.99/m1", "\(plan)/I.1.B.99"] { #expect(audit.contains(record)) }

        // Deleting a plan asks for confirmation; an organisation a plan names cannot be deleted.
        let unconfirmed = try runTool("hyte", ["plan", "delete", plan], environment: environment)
        #expect(unconfirmed.status == 4)
        #expect(unconfirmed.error.contains("add --yes"))
        let named = try runTool("hyte", ["org", "delete", "hamina"], environment: environment)
        #expect(named.status == 4)
        #expect(named.error.contains("cannot be deleted"), "\(named.error)")
        let gone = try runTool("hyte", ["plan", "delete", plan, "--yes"], environment: environment)
        #expect(gone.status == 0, "\(gone.error)")
        #expect(!(try runTool("hyte", ["plan", "list"], environment: environment).output.contains(plan)))
    }
}
