import ArgumentParser
import Foundation
import Model
import PlanFormats

struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Welfare plans.", subcommands: [Import.self, List.self, Show.self, Export.self, Check.self, Convert.self,
                                                                 Edit.self, Item.self, MeasureCommand.self, Delete.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read a plan file (YAML or JSON), check it, and print its tree with the status of a period.")
        @Argument(help: "A plan file such as examples/plans/loviisa-action-matrix.yaml.") var file: String
        @Option(name: .long, help: "Show the status of this period (2021, 2021H1, 2021Q3).") var period: String?
        @Option(name: .long, help: "fi, sv or en.") var lang: Language = .fi
        @Flag(name: .long, help: "Print the document as JSON.") var json = false

        func run() throws {
            let document = try readPlanFile(file)
            if json {
                print(try PlanJSON.encode(document))
                return
            }
            let chosen: ReportingPeriod?
            do { chosen = try period.map { try ReportingPeriod(parsing: $0) } } catch {
                printError("--period: \(error)")
                throw ExitCode.failure
            }
            print(PlanTreeText.render(document, period: chosen ?? document.statusReports.map(\.period).max(), language: lang))
        }
    }

    struct Convert: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert a plan file between YAML, JSON and the tabular CSV/TSV form (one row per action).")
        @Argument(help: "The plan file to read (.yaml, .json, .csv or .tsv).") var file: String
        @Option(name: .long, help: "yaml, json, csv, tsv or xlsx.") var to: String
        @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard ["yaml", "json", "csv", "tsv", "xlsx"].contains(to) else { throw ValidationError("--to must be yaml, json, csv, tsv or xlsx") }
            if to == "xlsx", output == nil { throw ValidationError("--to xlsx needs -o FILE") }
        }

        func run() throws {
            try writePlan(try readPlanFile(file), format: to, output: output)
        }
    }
}

/// Reads and checks a plan file of any supported form; on error prints every problem with its
/// file, line and field, and exits with 4.
/// True for the tabular forms of a plan: CSV, TSV (or .txt) and XLSX.
func isTableFile(_ file: String) -> Bool {
    ["csv", "tsv", "txt", "xlsx"].contains((file as NSString).pathExtension.lowercased())
}

func readPlanFile(_ file: String) throws -> PlanDocument {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
        printError("cannot read \(file): \(error.localizedDescription)")
        throw ExitCode.failure
    }
    let name = (file as NSString).lastPathComponent
    let text = String(decoding: data, as: UTF8.self)
    do {
        let document: PlanDocument = switch (name as NSString).pathExtension.lowercased() {
        case "xlsx": try PlanXLSX.decode(data, fileName: name)
        case "json": try PlanJSON.decode(text, fileName: name)
        case "csv", "tsv", "txt": try PlanTable.decode(text, fileName: name)
        default: try PlanYAML.decode(text, fileName: name)
        }
        let problems = PlanValidator.validate(document, fileName: name)
        if !problems.isEmpty {
            for problem in problems { printError("\(problem)") }
            throw ExitCode(4)
        }
        return document
    } catch let error as PlanFileError {
        printError("\(error)")
        throw ExitCode(4)
    }
}

/// The indented tree of a plan, as `hyte plan check` and `hyte plan show` print it.
enum PlanTreeText {
    static func render(_ document: PlanDocument, period: ReportingPeriod?, language: Language) -> String {
        func text(_ value: LocalizedText?) -> String {
            guard let resolved = value?.resolved(language) else { return "" }
            return resolved.language == language ? resolved.text : "\(resolved.text) (\(resolved.language.rawValue))"
        }
        let labels: [String: LocalizedText] = [
            "responsible": LocalizedText(fi: "vastuutaho", sv: "ansvarig", en: "responsible"),
            "schedule": LocalizedText(fi: "aikataulu", sv: "tidtabell", en: "schedule"),
            "measure": LocalizedText(fi: "mittari", sv: "mätare", en: "measure"),
            "status": LocalizedText(fi: "tila", sv: "status", en: "status"),
            "items": LocalizedText(fi: "kohtaa", sv: "punkter", en: "items"),
            "actions": LocalizedText(fi: "toimenpidettä", sv: "åtgärder", en: "actions"),
        ]
        func label(_ key: String) -> String { labels[key]?[language] ?? key }
        let plan = document.plan
        let all = document.allItems
        var lines = ["\(text(plan.title)) (\(plan.period.start)–\(plan.period.end))",
                     "\(all.count) \(label("items")), \(all.filter { $0.item.action != nil }.count) \(label("actions"))"]
        let current = period.map { document.currentStatus(for: $0) } ?? [:]
        for (item, depth) in all {
            let indent = String(repeating: "  ", count: depth)
            let level = depth < plan.levels.count ? text(plan.levels[depth]) + ": " : ""
            let detail = indent + String(repeating: " ", count: item.number.count + 1)
            let title = text(item.title).split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + detail)
            lines.append("\(indent)\(item.number) \(level)\(title)")
            if let action = item.action {
                let parties = action.responsible.map { party -> String in
                    switch (party.organisation, text(party.role)) {
                    case (let organisation?, ""): organisation
                    case (let organisation?, let role): "\(role) (\(organisation))"
                    case (nil, let role): role
                    }
                }.filter { !$0.isEmpty }
                if !parties.isEmpty { lines.append("\(detail)\(label("responsible")): \(parties.joined(separator: "; "))") }
                if let schedule = action.schedule { lines.append("\(detail)\(label("schedule")): \(schedule.text)") }
            }
            for measure in item.measures { lines.append("\(detail)\(label("measure")): \(text(measure.title))") }
            if let period, let report = current[item.number] {
                let narrative = text(report.narrative)
                lines.append("\(detail)\(label("status")) \(period): \(report.status.symbol) \(report.status.label[language] ?? report.status.rawValue)"
                             + (narrative.isEmpty ? "" : " — \(narrative)"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
