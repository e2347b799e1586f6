import Foundation
import Model
import PlanFormats
import Testing

/// The tabular CSV/TSV form: round trips of the bundled plans and errors that name line and column.
@Suite struct PlanTableTests {
    static let examples: [String] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/plans")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { directory.appendingPathComponent($0).path }
    }()

    static func load(_ path: String) throws -> PlanDocument {
        try PlanYAML.decode(try String(contentsOfFile: path, encoding: .utf8), fileName: (path as NSString).lastPathComponent)
    }

    @Test func thereAreExamples() {
        #expect(Self.examples.count >= 3)
    }

    @Test(arguments: examples)
    func tableRoundTripIsIdentical(path: String) throws {
        let document = try Self.load(path)
        let table = PlanTable.encode(document)
        let decoded = try PlanTable.decode(table, fileName: "table.csv")
        #expect(PlanTable.encode(decoded) == table)
        #expect(decoded.plan.id == document.plan.id)
        #expect(decoded.plan.levels == document.plan.levels)
        let actions = { (doc: PlanDocument) in doc.allItems.filter { $0.item.action != nil }.map(\.item.number) }
        #expect(Set(actions(decoded)).isSuperset(of: actions(document)))
        // Every current status of every period survives.
        for period in Set(document.statusReports.map(\.period)) {
            let before = document.currentStatus(for: period).mapValues(\.status)
            let after = decoded.currentStatus(for: period).mapValues(\.status)
            for (item, status) in before where document.allItems.contains(where: { $0.item.number == item && $0.item.children.isEmpty }) {
                #expect(after[item] == status, "\(item) \(period)")
            }
        }
        // TSV too.
        let tsv = PlanTable.encode(document, separator: "\t")
        #expect(PlanTable.encode(try PlanTable.decode(tsv, fileName: "table.tsv"), separator: "\t") == tsv)
    }

    static let header = """
        #format;hyte-plan-table/1
        #plan.id;test
        #plan.kind;annual-plan
        #plan.title.fi;Testi
        #plan.period;2021;2021
        #plan.owner;loviisa
        #plan.levels.fi;Tavoite;Toimenpide
        level1.number;level1.title.fi;number;title.fi;responsible;measures;period;status;narrative

        """

    func error(_ rows: String) -> PlanFileError? {
        do {
            _ = try PlanTable.decode(Self.header + rows, fileName: "plan.csv")
            return nil
        } catch {
            return error
        }
    }

    @Test func readsAHandWrittenTable() throws {
        let document = try PlanTable.decode(Self.header + """
            1;Liikunta lisääntyy;1.1;Liikuntaneuvonta;"@loviisa.sivistys-ja-hyvinvointi
            liikuntapalvelut";Toteutunut / Ei toteutunut;2021H1;käynnissä;Aloitettu
            1;Liikunta lisääntyy;1.2;Ulkokuntosali;@loviisa;Kävijöiden määrä;;;
            """, fileName: "plan.csv")
        #expect(document.items.count == 1)
        #expect(document.items[0].children.map(\.number) == ["1.1", "1.2"])
        let first = document.items[0].children[0]
        #expect(first.action?.responsible == [ResponsibleParty(organisation: "loviisa.sivistys-ja-hyvinvointi"),
                                              ResponsibleParty(role: LocalizedText(fi: "liikuntapalvelut"))])
        #expect(first.measures.map(\.kind) == [.doneNotDone])
        #expect(document.items[0].children[1].measures.map(\.kind) == [.count])
        #expect(document.statusReports == [StatusReport(item: "1.1", period: ReportingPeriod(year: 2021, part: .half(1)),
                                                        status: .inProgress, narrative: LocalizedText(fi: "Aloitettu"))])
    }

    @Test func namesTheLineAndColumnOfABadPeriodOrStatus() {
        let period = error("1;Tavoite;1.1;Toimenpide;;;2021H3;done;\n")
        #expect(period?.line == 9)
        #expect(period?.path == "period")
        #expect(period?.message.contains("2021H3") == true)
        let status = error("1;Tavoite;1.1;Toimenpide;;;2021;valmis;\n")
        #expect(status?.line == 9)
        #expect(status?.path == "status")
        #expect(status?.description.hasPrefix("plan.csv:9: status: 'valmis'") == true)
    }

    @Test func refusesAnUnknownColumnAndAnUnterminatedQuote() throws {
        let unknown = try #require(throws: PlanFileError.self) {
            try PlanTable.decode(Self.header.replacingOccurrences(of: ";narrative", with: ";kommentti"), fileName: "plan.csv")
        }
        #expect(unknown.line == 8)
        #expect(unknown.path == "kommentti")
        let quote = error("1;Tavoite;1.1;\"Toimenpide;;;;;\n")
        #expect(quote?.line == 9)
        #expect(quote?.message.contains("never closed") == true)
    }

    @Test func refusesTheSameNumberWithAnotherTitle() {
        let clash = error("1;Tavoite;1.1;Toimenpide;;;;;\n1;Toinen tavoite;1.2;Toimenpide 2;;;;;\n")
        #expect(clash?.line == 10)
        #expect(clash?.path == "level1.title")
        #expect(clash?.message.contains("line 9") == true)
    }
}
