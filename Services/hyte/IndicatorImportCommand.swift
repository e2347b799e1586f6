import ArgumentParser
import Foundation
import Model
import ServiceRuntime

extension Indicator {
    /// `hyte indicator import FILE [--format …]`.
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import an indicator file: values (all or nothing) or a catalogue/region table.",
            discussion: """
                Formats: sotkanet-json, sotkanet-csv, hyte-csv, json-stat (values); catalogue, sotkanet-metadata, \
                sotkanet-regions, sotkanet-welfare-counties (definitions and regions). Without --format the format is \
                guessed from the file name and content. Importing the same file twice changes nothing.
                """)
        @OptionGroup var options: GatewayOptions
        @Option(name: .long, help: "File format (guessed when not given).") var format: IndicatorContracts.Format?
        @Option(name: .long, help: "Language of the summary: fi, sv or en.") var lang: Language = .fi
        @Option(name: .long, help: ArgumentHelp("Values per storage batch.", visibility: .hidden)) var batchSize: Int?
        @Argument(help: "The file to import.") var file: String

        func run() async throws {
            let content: String
            do { content = try String(contentsOfFile: file, encoding: .utf8) } catch {
                printError("cannot read \(file): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            let name = (file as NSString).lastPathComponent
            guard let format = format ?? IndicatorFormatGuess.guess(fileName: name, content: content) else {
                printError("\(file): cannot tell the format; give --format (\(IndicatorContracts.Format.allCases.map { $0.rawValue }.joined(separator: ", ")))")
                throw ExitCode.validationFailure
            }
            let progress = isatty(STDERR_FILENO) == 1
            if progress {
                FileHandle.standardError.write(Data("hyte: importing \(name) (\(format.rawValue), \(content.utf8.count) bytes)…\r".utf8))
            }
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let reply = try await gateway.call(IndicatorContracts.Import.self, .init(format: format, fileName: name, content: content, batchSize: batchSize),
                                               headers: options.headers(),
                                               options: .init(timeout: .seconds(300), retries: 0))
            if progress { FileHandle.standardError.write(Data("\u{1B}[2K\r".utf8)) }
            if options.json { try printJSON(reply); return }
            print(Self.render(reply, file: name, language: lang))
        }

        static func render(_ reply: IndicatorContracts.Import.Response, file: String, language: Language) -> String {
            func counts(_ counts: IndicatorStorageContracts.Counts) -> String {
                IndicatorText.word("\(counts.added) uutta, \(counts.changed) muuttunutta, \(counts.unchanged) ennallaan",
                                   "\(counts.added) nya, \(counts.changed) ändrade, \(counts.unchanged) oförändrade",
                                   "\(counts.added) added, \(counts.changed) changed, \(counts.unchanged) unchanged", language)
            }
            if reply.format.carriesValues {
                let head = IndicatorText.word("arvoa", "värden", "values", language)
                return "\(file) (\(reply.format.rawValue)): \(reply.values) \(head) — \(counts(reply.valueCounts))"
            }
            return [
                "\(file) (\(reply.format.rawValue)):",
                "  \(IndicatorText.word("indikaattorit", "indikatorer", "indicators", language)): \(counts(reply.indicatorCounts))",
                "  \(IndicatorText.word("alueet", "områden", "regions", language)): \(counts(reply.regionCounts))",
            ].joined(separator: "\n")
        }
    }
}
