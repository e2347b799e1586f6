import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

/// `hyte report`: reports rendered by the reporting service.
struct Report: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports.",
        discussion: """
            The plan reports gather the plan, its status reports and the organisations from storage and, for the \
            dashboard, annual, term and indicator reports, the indicator data from the indicators service (without it \
            they say "indicator data not available").

            Examples:
              hyte report followup --plan loviisa-perusturvakeskus-2021 --period 2021H1 --format md -o followup.md
              hyte report annual --plan loviisa-perusturvakeskus-2021 --year 2021 --format html -o annual.html
            """,
        subcommands: [Organisations.self, Matrix.self, FollowUp.self, Dashboard.self, Annual.self, Term.self, Indicators.self])

    struct Organisations: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The organisation tree as a report.")
        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "fi, sv or en.") var lang: Language = .fi
        @Option(name: .long, help: "md or csv.") var format: ReportFormat = .markdown
        @Option(name: [.customShort("o"), .long], help: "Write to this file instead of standard output.") var output: String?

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let report = try await gateway.call(ReportingContracts.Organisations.self, .init(language: lang, format: format),
                                                headers: options.headers())
            if let output {
                try report.body.write(toFile: output, atomically: true, encoding: .utf8)
                print(output)
            } else {
                print(report.body)
            }
        }
    }

    struct Matrix: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The action matrix of a plan; with --period, each action's status in that period.")
        @OptionGroup var report: PlanReportOptions
        func run() async throws { try await report.run(ReportingContracts.Matrix.self, kind: "matrix") }
    }

    struct FollowUp: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "followup", abstract: "The follow-up report of a period: every action's status and status summaries.")
        @OptionGroup var report: PlanReportOptions
        func validate() throws { try report.require(period: true) }
        func run() async throws { try await report.run(ReportingContracts.FollowUp.self, kind: "followup") }
    }

    struct Dashboard: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The management dashboard of a period: key figures, traffic lights, value measures, indicators, changes.")
        @OptionGroup var report: PlanReportOptions
        func validate() throws { try report.require(period: true) }
        func run() async throws { try await report.run(ReportingContracts.Dashboard.self, kind: "dashboard") }
    }

    struct Annual: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The annual welfare report of a year: goals and actions, value measures, indicators, developments.")
        @OptionGroup var report: PlanReportOptions
        func validate() throws { try report.require(year: true) }
        func run() async throws { try await report.run(ReportingContracts.Annual.self, kind: "annual") }
    }

    struct Term: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The council-term welfare report over the plan's whole period, with each action's status history.")
        @OptionGroup var report: PlanReportOptions
        func run() async throws { try await report.run(ReportingContracts.Term.self, kind: "term") }
    }

    struct Indicators: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The indicator overview of a plan: indicators by colour class, category and goal.")
        @OptionGroup var report: PlanReportOptions
        func run() async throws { try await report.run(ReportingContracts.Indicators.self, kind: "indicators") }
    }
}

/// The options every plan report shares, and how a report is asked for and written.
struct PlanReportOptions: ParsableArguments {
    @OptionGroup var options: GatewayOptions
    @Option(name: .long, help: "The plan's id (see `hyte plan list`).") var plan: String
    @Option(name: .long, help: "The reporting period: 2021, 2021H1 or 2021Q3.") var period: String?
    @Option(name: .long, help: "The year (annual report; the indicator overview's last year).") var year: Int?
    @Option(name: .long, help: "html, md, csv, xlsx or pdf (pdf needs chromium).") var format: ReportDocumentFormat = .html
    @Option(name: .long, help: "fi, sv or en.") var lang: Language = .fi
    @Option(name: [.customShort("o"), .long], help: "The file to write (default: the report's own file name in this directory).")
    var output: String?

    /// The parsed `--period`.
    func parsedPeriod() throws -> ReportingPeriod? {
        do { return try period.map { try ReportingPeriod(parsing: $0) } } catch { throw ValidationError("--period: \(error)") }
    }

    /// Refuses the command before asking anything when the report needs a period or a year.
    func require(period needsPeriod: Bool = false, year needsYear: Bool = false) throws {
        let parsed = try parsedPeriod()
        if needsPeriod, parsed == nil { throw ValidationError("this report needs --period, e.g. --period 2021H1") }
        if needsYear, year == nil, parsed == nil { throw ValidationError("this report needs --year, e.g. --year 2021") }
    }

    /// Asks the reporting service for the report and writes it; nothing is written on an error.
    func run<C: Contract>(_ contract: C.Type, kind: String) async throws where C.Request == PlanReportRequest, C.Response == PlanReportResponse {
        let request = PlanReportRequest(planId: plan, period: try parsedPeriod(), year: year, format: format, language: lang)
        let gateway = Gateway(configuration: try options.resolve())
        defer { Task { await gateway.close() } }
        progress("Gathering plan \(plan) and rendering the \(kind) report (\(format.rawValue))…")
        let response = try await gateway.call(contract, request, headers: options.headers(),
                                              options: RequestOptions(timeout: .seconds(180), retries: 0))
        let bytes: Data
        switch response.encoding {
        case .text: bytes = Data(response.body.utf8)
        case .base64:
            guard let decoded = Data(base64Encoded: response.body) else {
                printError("the reporting service sent a \(format.rawValue) body that is not base64; nothing written")
                throw GatewayExit.refused
            }
            bytes = decoded
        }
        let path = output ?? response.fileName
        progress("Writing \(path)…")
        do {
            try bytes.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            printError("\(path): cannot write the report: \(error.localizedDescription)")
            throw ExitCode.failure
        }
        if options.json {
            try printJSON(PlanReportWritten(path: path, bytes: bytes.count, contentType: response.contentType, report: kind,
                                            plan: plan, period: request.period?.description, year: year, format: format.rawValue,
                                            language: lang.rawValue))
        } else {
            print("\(path) (\(Self.size(bytes.count)))")
        }
    }

    /// A progress line on standard error, only when it is a terminal.
    private func progress(_ line: String) {
        guard isatty(STDERR_FILENO) == 1 else { return }
        FileHandle.standardError.write(Data("\(line)\n".utf8))
    }

    /// A size for people: `812 bytes`, `14.2 kB`, `1.3 MB`.
    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) bytes" }
        if bytes < 1_000_000 { return String(format: "%.1f kB", Double(bytes) / 1000) }
        return String(format: "%.1f MB", Double(bytes) / 1_000_000)
    }
}

/// What `hyte report … --json` prints after writing a report.
struct PlanReportWritten: Encodable {
    var path: String
    var bytes: Int
    var contentType: String
    var report: String
    var plan: String
    var period: String?
    var year: Int?
    var format: String
    var language: String
}

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension ReportDocumentFormat: ExpressibleByArgument {}
extension IndicatorContracts.Format: ExpressibleByArgument {}
