import Foundation
import Testing

/// The gateway as a new user runs it: `hyte up`, `hyte status`, the example, `hyte down`.
@Suite(.serialized) struct StackTests {
    @Test func upStatusExampleAndDown() async throws {
        let dataDirectory = try temporaryDirectory()
        let environment = ["HYTE_BUS": "tcp://127.0.0.1:\(freePort())", "HYTE_DATA_DIR": dataDirectory,
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_DATABASE_URL": ""]
        defer { _ = try? runTool("hyte", ["down"], environment: environment) }

        let up = try runTool("hyte", ["up", "--timeout", "90"], environment: environment)
        #expect(up.status == 0, "hyte up failed: \(up.output) \(up.error)")
        for service in ["broker", "storage", "indicators", "participation", "reporting"] {
            #expect(up.output.contains(service))
        }

        let status = try runTool("hyte", ["status", "--json"], environment: environment)
        #expect(status.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any]
        let rows = report?["services"] as? [[String: Any]] ?? []
        #expect(rows.count == 5)
        for row in rows where row["name"] as? String != "broker" {
            #expect(row["workers"] as? Int == 1, "\(row)")
            #expect(row["state"] as? String == "ok")
        }

        let ping = try runTool("hyte", ["ping", "storage"], environment: environment)
        #expect(ping.status == 0)
        #expect(ping.output.hasPrefix("storage: ok"))

        let example = try runTool("hyte", ["example", "--examples", "\(repositoryRoot)/examples"], environment: environment)
        #expect(example.status == 0, "hyte example failed: \(example.error)")
        #expect(example.output.contains("created"))
        #expect(example.output.contains("10 rows"))
        // Loading the same organisations twice changes nothing.
        let again = try runTool("hyte", ["org", "import", "\(repositoryRoot)/examples/organisations.json"], environment: environment)
        #expect(again.status == 0)
        #expect(again.output.contains("0 created, 0 updated"))

        let down = try runTool("hyte", ["down"], environment: environment)
        #expect(down.status == 0)
        #expect(down.output.contains("stopped broker"))
        let after = try runTool("hyte", ["status"], environment: environment)
        #expect(after.status == 3)
        #expect(after.output.contains("does not answer"))
        #expect(FileManager.default.fileExists(atPath: "\(dataDirectory)/hyte.sqlite"))
    }

    @Test func commandsSayClearlyWhenTheStackIsNotRunning() throws {
        let environment = ["HYTE_BUS": "tcp://127.0.0.1:\(freePort())", "HYTE_DATA_DIR": try temporaryDirectory()]
        let ping = try runTool("hyte", ["ping", "broker", "--timeout", "0.5"], environment: environment)
        #expect(ping.status == 3)
        #expect(ping.error.contains("does not answer"))
        let list = try runTool("hyte", ["org", "list"], environment: environment)
        #expect(list.status == 3)
        #expect(list.error.contains("hyte up"))
    }
}
