import Foundation
import BusCore
import Model
import Testing

/// Indicators through the running stack: import the Kymenlaakso catalogue and values and a real
/// Sotkanet file, import them again unchanged, show and compare with the real numbers, link a plan
/// item, and refuse a malformed file with its line while storing nothing of it.
@Suite(.serialized) struct IndicatorStackTests {
    @Test func importShowCompareLinkAndRefuse() async throws {
        let dataDirectory = try temporaryDirectory()
        let environment = ["HYTE_BUS": "tcp://127.0.0.1:\(freePort())", "HYTE_DATA_DIR": dataDirectory,
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_DATABASE_URL": ""]
        defer { _ = try? runTool("hyte", ["down"], environment: environment) }
        let up = try runTool("hyte", ["up", "--timeout", "90"], environment: environment)
        try #require(up.status == 0, "hyte up failed: \(up.output) \(up.error)")
        let examples = "\(repositoryRoot)/examples/indicators"
        let fixtures = "\(repositoryRoot)/Packages/Indicators/Tests/IndicatorsTests/Fixtures"
        func hyte(_ arguments: String...) throws -> (status: Int32, output: String, error: String) {
            let result = try runTool("hyte", arguments, environment: environment)
            return (result.status, result.output, result.error)
        }

        let catalogue = try hyte("indicator", "import", "\(examples)/kymenlaakso-2020-indicators.json")
        #expect(catalogue.status == 0, "\(catalogue.error)")
        #expect(catalogue.output.contains("indikaattorit: 42 uutta, 0 muuttunutta, 0 ennallaan"), "\(catalogue.output)")
        #expect(catalogue.output.contains("alueet: 3 uutta"), "\(catalogue.output)")
        let values = try hyte("indicator", "import", "\(examples)/kymenlaakso-2020-values.csv")
        #expect(values.output.contains("158 arvoa — 158 uutta, 0 muuttunutta, 0 ennallaan"), "\(values.output) \(values.error)")
        let sotkanet = try hyte("indicator", "import", "\(fixtures)/sotkanet_data_171_2019_2023.json", "--lang", "en")
        #expect(sotkanet.output.contains("(sotkanet-json): 10 values — 10 added, 0 changed, 0 unchanged"), "\(sotkanet.output) \(sotkanet.error)")
        let regions = try hyte("indicator", "import", "\(fixtures)/sotkanet_regions_sample.json")
        #expect(regions.output.contains("alueet: 7 uutta"), "\(regions.output) \(regions.error)")

        // The same files again change nothing.
        let valuesAgain = try hyte("indicator", "import", "\(examples)/kymenlaakso-2020-values.csv", "--json")
        #expect(valuesAgain.output.contains("\"unchanged\" : 158"), "\(valuesAgain.output)")
        #expect(valuesAgain.output.contains("\"added\" : 0"), "\(valuesAgain.output)")
        let sotkanetAgain = try hyte("indicator", "import", "\(fixtures)/sotkanet_data_171_2019_2023.json")
        #expect(sotkanetAgain.output.contains("10 arvoa — 0 uutta, 0 muuttunutta, 10 ennallaan"), "\(sotkanetAgain.output)")
        let catalogueAgain = try hyte("indicator", "import", "\(examples)/kymenlaakso-2020-indicators.json")
        #expect(catalogueAgain.output.contains("indikaattorit: 0 uutta, 0 muuttunutta, 42 ennallaan"), "\(catalogueAgain.output)")

        let list = try hyte("indicator", "list", "--category", "child-protection")
        #expect(list.status == 0)
        #expect(list.output.contains("Lastensuojelu"), "\(list.output)")
        #expect(!list.output.contains("Terveys ja elintavat"), "\(list.output)")

        // Helsinki (Sotkanet region 46) and Espoo (20), indicator 171: 7,4 → 8,6 and 5,9 → 7,2.
        let show = try hyte("indicator", "show", "171", "--region", "Helsinki", "--region", "Espoo", "--years", "2015-2023")
        #expect(show.status == 0, "\(show.error)")
        #expect(show.output.contains("2019   7,4   48\u{00A0}189") || show.output.contains("2019   7,4   48189"), "\(show.output)")
        #expect(show.output.contains("2023   8,6"), "\(show.output)")
        #expect(show.output.contains("2023   7,2"), "\(show.output)")
        #expect(show.output.contains("▁█"), "\(show.output)")
        let compareReal = try hyte("indicator", "compare", "171", "--region", "Helsinki", "--reference", "Espoo", "--year", "2023",
                                   "--json")
        #expect(compareReal.output.contains("\"value\" : 8.6"), "\(compareReal.output)")
        #expect(compareReal.output.contains("\"referenceValue\" : 7.2"), "\(compareReal.output)")

        // Kymenlaakso against the whole country, indicator 4 (youth unemployment), 2018: 19 % vs 12,3 %.
        let compare = try hyte("indicator", "compare", "4", "--region", "kymenlaakso", "--reference", "whole-country", "--year", "2018")
        #expect(compare.status == 0, "\(compare.error)")
        #expect(compare.output.contains("Kymenlaakso: 19,0 %"), "\(compare.output)")
        #expect(compare.output.contains("Koko maa: 12,3 %"), "\(compare.output)")
        #expect(compare.output.contains("ero: +6,7 %-yks. (+54,5 %)"), "\(compare.output)")
        #expect(compare.output.contains("väriluokka: huolestuttava"), "\(compare.output)")
        let compareEnglish = try hyte("indicator", "compare", "4", "--region", "kymenlaakso", "--year", "2018", "--lang", "en")
        #expect(compareEnglish.output.contains("colour class: worrying"), "\(compareEnglish.output)")

        #expect(try hyte("org", "import", "\(repositoryRoot)/examples/organisations.json").status == 0)
        let plan = try hyte("plan", "import", "\(repositoryRoot)/examples/plans/kymenlaakso-children-youth-2020-2024.yaml")
        #expect(plan.status == 0, "\(plan.error)")
        // I.4 follows 7, 21, 22, 29 and 25 in the document; 1 and 2 are added to the plan item.
        let link = try hyte("indicator", "link", "kymenlaakso-children-youth-2020-2024/I.4", "7", "1", "2")
        #expect(link.output.contains("2 uutta linkkiä, 1 oli jo"), "\(link.output) \(link.error)")
        let exported = try hyte("plan", "export", "kymenlaakso-children-youth-2020-2024", "--format", "json")
        let stored = try JSONCoding.decoder.decode(PlanDocument.self, from: Data(exported.output.utf8))
        #expect(stored.items.item(numbered: "I.4")?.indicators == ["7", "21", "22", "29", "25", "1", "2"])
        let badLink = try hyte("indicator", "link", "kymenlaakso-children-youth-2020-2024/I.4", "99")
        #expect(badLink.status == 4)
        #expect(badLink.error.contains("'99'"))
        let badItem = try hyte("indicator", "link", "kymenlaakso-children-youth-2020-2024/IX.9", "7")
        #expect(badItem.status == 4)
        #expect(badItem.error.contains("has no item 'IX.9'"), "\(badItem.error)")

        // A malformed file: the first batch (one value) is staged, the second row is refused; nothing is stored.
        let bad = "\(dataDirectory)/bad.json"
        try """
            [{"indicator": 5555, "region": 46, "year": 2019, "gender": "total", "value": 7.4},
             {"indicator": 5555, "region": 20, "year": 2019, "gender": "total", "value": "7,4"}]
            """.write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try hyte("indicator", "import", bad, "--batch-size", "1")
        #expect(refused.status == 4)
        #expect(refused.error.contains("bad.json: line 2"), "\(refused.error)")
        #expect(refused.error.contains("field 'value'"), "\(refused.error)")
        let nothing = try hyte("indicator", "show", "5555", "--json")
        #expect(nothing.status == 4, "\(nothing.output)")
        #expect(nothing.error.contains("no values"), "\(nothing.error)")
    }

    /// A file of several chunks (generated Sotkanet JSON, about 3 MiB, chunks of 256 KiB) through
    /// the upload: every value stored, the same file again unchanged, a broken one refused with
    /// its line and nothing of it stored.
    @Test func importsAMultiChunkFileThroughAnUpload() async throws {
        let dataDirectory = try temporaryDirectory()
        let environment = ["HYTE_BUS": "tcp://127.0.0.1:\(freePort())", "HYTE_DATA_DIR": dataDirectory,
                           "HYTE_HEARTBEAT_MS": "250", "HYTE_DATABASE_URL": ""]
        defer { _ = try? runTool("hyte", ["down"], environment: environment) }
        let up = try runTool("hyte", ["up", "--timeout", "90"], environment: environment)
        try #require(up.status == 0, "hyte up failed: \(up.output) \(up.error)")
        func hyte(_ arguments: String...) throws -> (status: Int32, output: String, error: String) {
            let result = try runTool("hyte", arguments, environment: environment)
            return (result.status, result.output, result.error)
        }
        func rows(_ count: Int, broken line: Int? = nil, shift: Double = 0) -> String {
            var text = "["
            for index in 0..<count {
                if index > 0 { text += ",\n" }
                let value = index + 1 == line ? "\"7,4\"" : String(Double(index % 1000) / 10 + shift)
                text += #"{"indicator": \#(9000 + index % 20), "region": \#(index / 20 % 300 + 1), "year": \#(2000 + index / 6000), "#
                    + #""gender": "total", "value": \#(value), "absValue": \#(index)}"#
            }
            return text + "]\n"
        }
        let big = "\(dataDirectory)/sotkanet_big.json"
        try rows(36_000).write(toFile: big, atomically: true, encoding: .utf8)
        let size = try #require(FileManager.default.attributesOfItem(atPath: big)[.size] as? Int)
        #expect(size > 3 * 262_144, "\(size) bytes")
        let imported = try hyte("indicator", "import", big, "--chunk-size", "262144", "--lang", "en")
        #expect(imported.status == 0, "\(imported.error)")
        #expect(imported.output.contains("(sotkanet-json): 36000 values — 36000 added, 0 changed, 0 unchanged"),
                "\(imported.output) \(imported.error)")
        // No terminal: no progress output.
        #expect(imported.error.isEmpty, "\(imported.error)")
        let again = try hyte("indicator", "import", big, "--chunk-size", "100000")
        #expect(again.output.contains("36000 arvoa — 0 uutta, 0 muuttunutta, 36000 ennallaan"), "\(again.output) \(again.error)")
        let show = try hyte("indicator", "show", "sotkanet-9019", "--region", "sotkanet-300", "--years", "2000-2005", "--json")
        #expect(show.status == 0, "\(show.error)")

        let broken = "\(dataDirectory)/broken.json"
        try rows(30_000, broken: 29_000, shift: 1).write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try hyte("indicator", "import", broken, "--chunk-size", "262144", "--format", "sotkanet-json")
        #expect(refused.status == 4)
        #expect(refused.error.contains("broken.json: line 29000"), "\(refused.error)")
        #expect(refused.error.contains("field 'value'"), "\(refused.error)")
        let nothing = try hyte("indicator", "show", "sotkanet-9019", "--region", "sotkanet-300", "--years", "2000-2005", "--json")
        #expect(nothing.output == show.output, "nothing of the broken file is stored")
    }
}
