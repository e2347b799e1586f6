import ArgumentParser
import BusCore
import Foundation
import Model
import PlanFormats

extension PlanCommand {
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Store a plan file (YAML, JSON, CSV, TSV or XLSX) in the storage service, all or nothing.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The plan file.") var file: String
        @Option(name: .long, help: "Refuse the import unless the stored plan has this version.") var expectedVersion: Int?
        @Flag(name: .long, help: """
            Replace a stored plan with a table (CSV, TSV, XLSX) as it is, instead of merging the table into it;             what the table does not hold is then lost.
            """) var replace = false

        func run() async throws {
            var document = try readPlanFile(file)
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            try await gateway.requireService(ServiceName.storage)
            var expectedVersion = expectedVersion
            var merge: PlanTableMerge.Summary?
            if isTableFile(file), !replace,
               let stored = try await gateway.storedPlan(document.plan.id, headers: options.headers()) {
                // A table holds less than the plan: merge it so that nothing it lacks is lost.
                let merged = PlanTableMerge.merge(table: document, into: stored)
                document = merged.document
                merge = merged.summary
                expectedVersion = expectedVersion ?? stored.plan.version
            }
            let result: PlanContracts.Import.Response
            do {
                result = try await gateway.client.call(PlanContracts.Import.self, .init(document: document, expectedVersion: expectedVersion),
                                                       headers: options.headers(), options: RequestOptions(timeout: .seconds(120), retries: 1))
            } catch let error as ServiceCallError {
                // Point at the line of the user's file when storage names a field.
                var location = (file as NSString).lastPathComponent
                if let path = error.error.details?["path"], !file.hasSuffix(".json"),
                   let text = try? String(contentsOfFile: file, encoding: .utf8),
                   let (line, column) = PlanYAML.location(ofPath: path, in: text) {
                    location += ":\(line):\(column)"
                }
                printError("\(location): \(error.error.message) (\(error.status) \(error.error.code))")
                throw GatewayExit.refused
            }
            if options.json { try printJSON(ImportReport(result: result, merge: merge)); return }
            print("\(file): plan \(result.planId) \(result.outcome.rawValue), version \(result.version), \(result.statusReportsAdded) status reports added")
            if let merge {
                print("merged into the stored plan: \(merge.updated.count) items changed, \(merge.added.count) added, "
                      + "\(merge.kept.count) not in the table and kept")
            }
        }
    }

    /// What `hyte plan import --json` prints.
    struct ImportReport: Encodable {
        var result: PlanContracts.Import.Response
        var merge: PlanTableMerge.Summary?
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the stored plans.")
        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "fi, sv or en.") var lang: Language = .fi

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let result = try await gateway.call(PlanContracts.List.self, Empty(), headers: options.headers())
            if options.json { try printJSON(result.plans); return }
            print(table(["ID", "KIND", "PERIOD", "OWNER", "STATE", "VERSION", "ACTIONS", "STATUS REPORTS", "TITLE"], result.plans.map {
                [$0.id, $0.kind.rawValue, "\($0.period.start)–\($0.period.end)", $0.owner, $0.state.rawValue, String($0.version),
                 String($0.actions), String($0.statusReports), String(($0.title.resolved(lang)?.text ?? "").prefix(60))]
            }))
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a stored plan as an indented tree with responsible parties, measures and the latest status.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The plan's id (see `hyte plan list`).") var plan: String
        @Option(name: .long, help: "Show the status of this period (default: the latest reported).") var period: String?
        @Option(name: .long, help: "fi, sv or en.") var lang: Language = .fi

        func run() async throws {
            let chosen: ReportingPeriod?
            do { chosen = try period.map { try ReportingPeriod(parsing: $0) } } catch {
                throw ValidationError("--period: \(error)")
            }
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let document = try await gateway.call(PlanContracts.Get.self, .init(id: plan), headers: options.headers())
            if options.json { try printJSON(document); return }
            print(PlanTreeText.render(document, period: chosen ?? document.statusReports.map(\.period).max(), language: lang))
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a stored plan as YAML, JSON, CSV, TSV or XLSX.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The plan's id.") var plan: String
        @Option(name: .long, help: "yaml, json, csv, tsv or xlsx.") var format: String = "yaml"
        @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard ["yaml", "json", "csv", "tsv", "xlsx"].contains(format) else { throw ValidationError("--format must be yaml, json, csv, tsv or xlsx") }
            if format == "xlsx", output == nil { throw ValidationError("--format xlsx needs -o FILE") }
        }

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let document = try await gateway.call(PlanContracts.Get.self, .init(id: plan), headers: options.headers())
            try writePlan(document, format: format, output: output)
        }
    }
}

/// Writes a plan document in one of the file forms, to a file or standard output.
func writePlan(_ document: PlanDocument, format: String, output: String?) throws {
    if format == "xlsx", let output {
        try PlanXLSX.encode(document).write(to: URL(fileURLWithPath: output))
        print(output)
        return
    }
    let text: String = switch format {
    case "json": try PlanJSON.encode(document)
    case "csv": PlanTable.encode(document)
    case "tsv": PlanTable.encode(document, separator: "\t")
    default: try PlanYAML.encode(document)
    }
    if let output {
        try text.write(toFile: output, atomically: true, encoding: .utf8)
        print(output)
    } else {
        print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
    }
}

/// The follow-up commands, reached as `hyte status set|list`.
enum StatusCommand {
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Record the status of an action for a period.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "PLAN/ITEM, e.g. loviisa-perusturvakeskus-2021/1.1.1.1.") var action: String
        @Option(name: .long, help: "2021, 2021H1 or 2021Q3.") var period: String
        @Option(name: .long, help: "not-started, in-progress, done, not-done, postponed, cancelled (or the Finnish or Swedish word).")
        var status: String
        @Option(name: .long, help: "The narrative of the report.") var note: String?
        @Option(name: .long, help: "Why, e.g. for a postponement.") var reason: String?
        @Option(name: .long, help: "fi, sv or en: the language of --note and --reason.") var lang: Language = .fi

        func run() async throws {
            guard let slash = action.lastIndex(of: "/"), slash != action.startIndex, action.index(after: slash) != action.endIndex else {
                throw ValidationError("give the action as PLAN/ITEM, e.g. loviisa-perusturvakeskus-2021/1.1.1.1")
            }
            let planId = String(action[..<slash])
            let item = String(action[action.index(after: slash)...])
            let parsedPeriod: ReportingPeriod
            do { parsedPeriod = try ReportingPeriod(parsing: period) } catch { throw ValidationError("--period: \(error)") }
            let lower = status.lowercased()
            guard let parsedStatus = ActionStatus(rawValue: lower)
                    ?? ActionStatus.allCases.first(where: { $0.label.fi == lower || $0.label.sv == lower || $0.label.en == lower }) else {
                throw ValidationError("--status '\(status)' is not one of \(ActionStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            func text(_ value: String?) -> LocalizedText? {
                value.map { value in
                    switch lang {
                    case .fi: LocalizedText(fi: value)
                    case .sv: LocalizedText(sv: value)
                    case .en: LocalizedText(en: value)
                    }
                }
            }
            let report = StatusReport(item: item, period: parsedPeriod, status: parsedStatus, reason: text(reason), narrative: text(note))
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let result = try await gateway.call(PlanContracts.RecordStatus.self, .init(planId: planId, report: report), headers: options.headers())
            if options.json { try printJSON(result.report); return }
            print("\(planId) \(item) \(result.report.period): \(result.report.status.symbol) \(result.report.status.label[lang] ?? result.report.status.rawValue), reported by \(result.report.reporter ?? "-")")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the status reports of a plan.")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "The plan's id.") var plan: String
        @Option(name: .long, help: "Only this period.") var period: String?
        @Flag(name: .long, help: "Every report, not only the latest per action and period.") var all = false
        @Option(name: .long, help: "fi, sv or en.") var lang: Language = .fi

        func run() async throws {
            let parsedPeriod: ReportingPeriod?
            do { parsedPeriod = try period.map { try ReportingPeriod(parsing: $0) } } catch { throw ValidationError("--period: \(error)") }
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let result = try await gateway.call(PlanContracts.ListStatus.self, .init(planId: plan, period: parsedPeriod, currentOnly: !all),
                                                headers: options.headers())
            if options.json { try printJSON(result.reports); return }
            var counts: [ActionStatus: Int] = [:]
            for report in result.reports { counts[report.status, default: 0] += 1 }
            print(table(["ITEM", "PERIOD", "STATUS", "REPORTER", "VALUES", "NARRATIVE"], result.reports.map {
                [$0.item, $0.period.description, "\($0.status.symbol) \($0.status.label[lang] ?? $0.status.rawValue)", $0.reporter ?? "",
                 Self.values($0.values, lang),
                 String(($0.narrative?.resolved(lang)?.text ?? "").replacingOccurrences(of: "\n", with: " ").prefix(70))]
            }))
            let total = max(result.reports.count, 1)
            print(ActionStatus.allCases.compactMap { status in
                counts[status].map { "\(status.label[lang] ?? status.rawValue) \($0) (\(decimalComma(Double($0) * 100 / Double(total))) %)" }
            }.joined(separator: ", "))
        }

        /// Measure values as `MEASURE = VALUE`, in the language's number format.
        static func values(_ values: [MeasureValue], _ language: Language) -> String {
            values.compactMap { value in value.value.map { "\(value.measure) = \(ParticipationText.number($0, language))" } }
                .joined(separator: "; ")
        }
    }
}

struct Audit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show the audit log: who changed what and when, newest first.")
    @OptionGroup var options: GatewayOptions
    @Option(name: .long, help: "At most this many entries.") var limit: Int = 50
    @Option(name: .long, help: "Only this record type: organisation, plan, status-report.") var type: String?
    @Option(name: .long, help: "Only this record id.") var record: String?

    func run() async throws {
        let gateway = Gateway(configuration: try options.resolve())
        defer { Task { await gateway.close() } }
        let result = try await gateway.call(PlanContracts.ListAudit.self, .init(limit: limit, recordType: type, recordId: record),
                                            headers: options.headers())
        if options.json { try printJSON(result.entries); return }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "fi_FI")
        formatter.dateFormat = "d.M.yyyy HH.mm.ss"
        print(table(["WHEN", "WHO", "WHAT", "RECORD"], result.entries.map {
            [formatter.string(from: $0.at), $0.actor, $0.operation, "\($0.recordType) \($0.recordId)"]
        }))
    }
}
