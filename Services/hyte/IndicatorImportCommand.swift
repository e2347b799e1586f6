import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime

extension Indicator {
    /// `hyte indicator import FILE [--format …]`.
    ///
    /// The file is read in chunks (never whole) and uploaded to storage (`indicator.upload.begin`,
    /// `indicator.upload.chunk`); `indicator.import` then names the upload, which the indicators service
    /// reads piece by piece. On a terminal a progress bar shows the upload, then the import
    /// (`indicator.upload.status`, asked every half second while the import runs).
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
        @Option(name: .long, help: ArgumentHelp("Bytes per upload chunk.", visibility: .hidden))
        var chunkSize: Int = IndicatorUploadContracts.defaultChunkSize
        @Argument(help: "The file to import.") var file: String

        /// How much of the file the format guess reads.
        static let guessLength = 65_536

        func run() async throws {
            let handle: FileHandle
            let size: Int
            let head: Data
            do {
                handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: file))
                size = Int(try handle.seekToEnd())
                try handle.seek(toOffset: 0)
                head = try handle.read(upToCount: Self.guessLength) ?? Data()
                try handle.seek(toOffset: 0)
            } catch {
                printError("cannot read \(file): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            defer { try? handle.close() }
            let name = (file as NSString).lastPathComponent
            guard let format = format ?? IndicatorFormatGuess.guess(fileName: name, head: head) else {
                printError("\(file): cannot tell the format; give --format (\(IndicatorContracts.Format.allCases.map { $0.rawValue }.joined(separator: ", ")))")
                throw ExitCode.validationFailure
            }
            guard (1...IndicatorUploadContracts.maximumChunkSize).contains(chunkSize) else {
                printError("--chunk-size must be 1 to \(IndicatorUploadContracts.maximumChunkSize)")
                throw ExitCode.validationFailure
            }
            let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar(file: name, language: lang) : nil
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            try await gateway.requireService(ServiceName.storage)
            try await gateway.requireService(ServiceName.indicators)

            let begin = try await send(gateway, IndicatorUploadContracts.Begin.self, .init(fileName: name, size: size))
            let uploadId = begin.uploadId
            let reply: IndicatorContracts.Import.Response
            do {
                try await upload(handle, size: size, uploadId: uploadId, gateway: gateway, bar: bar)
                reply = try await importUpload(uploadId, format: format, name: name, size: size, gateway: gateway, bar: bar)
            } catch {
                bar?.clear()
                _ = try? await gateway.client.call(IndicatorUploadContracts.Delete.self, .init(uploadId: uploadId),
                                                   headers: options.headers())
                throw error
            }
            bar?.clear()
            if options.json { try printJSON(reply); return }
            print(Self.render(reply, file: name, language: lang))
        }

        /// Sends the file chunk by chunk; a chunk sent again after a timeout is stored once.
        private func upload(_ handle: FileHandle, size: Int, uploadId: String, gateway: Gateway, bar: ProgressBar?) async throws {
            var offset = 0
            var seq = 0
            bar?.show(phase: .upload, done: 0, total: size)
            while offset < size {
                let data: Data
                do { data = try handle.read(upToCount: chunkSize) ?? Data() } catch {
                    printError("cannot read \(file): \(error.localizedDescription)")
                    throw ExitCode.failure
                }
                guard !data.isEmpty else {
                    printError("cannot read \(file): it ended at byte \(offset) of \(size)")
                    throw ExitCode.failure
                }
                _ = try await send(gateway, IndicatorUploadContracts.Chunk.self,
                                   .init(uploadId: uploadId, seq: seq, offset: offset, data: data),
                                   options: RequestOptions(timeout: .seconds(60), retries: 2))
                offset += data.count
                seq += 1
                bar?.show(phase: .upload, done: offset, total: size)
            }
        }

        /// Calls `indicator.import` with the upload; on a terminal, polls `indicator.upload.status` meanwhile.
        private func importUpload(_ uploadId: String, format: IndicatorContracts.Format, name: String, size: Int,
                                  gateway: Gateway, bar: ProgressBar?) async throws -> IndicatorContracts.Import.Response {
            let poller: Task<Void, Never>? = bar.map { bar in
                let client = gateway.client, options = self.options
                return Task {
                    bar.show(phase: .parse, done: 0, total: size)
                    while !Task.isCancelled {
                        if let status = try? await client.call(IndicatorUploadContracts.Status.self, .init(uploadId: uploadId),
                                                               headers: options.headers(), options: .once(.seconds(2))),
                           !Task.isCancelled {
                            bar.show(phase: .parse, done: status.parsedBytes, total: status.size, values: status.stagedValues)
                        }
                        try? await Task.sleep(for: .milliseconds(500))
                    }
                }
            }
            defer { poller?.cancel() }
            // About 300 s, plus a second per 20 kB: a national file takes its time.
            let timeout = Duration.seconds(300 + size / 20_000)
            return try await send(gateway, IndicatorContracts.Import.self,
                                  .init(format: format, fileName: name, uploadId: uploadId, batchSize: batchSize),
                                  options: RequestOptions(timeout: timeout, retries: 0))
        }

        /// Calls an operation and turns refusals into a message and exit code 4, an absent bus into 3.
        private func send<C: Contract>(_ gateway: Gateway, _ contract: C.Type, _ input: C.Request,
                                       options requestOptions: RequestOptions = RequestOptions(timeout: .seconds(30), retries: 1))
            async throws -> C.Response {
            do {
                return try await gateway.client.call(contract, input, headers: options.headers(), options: requestOptions)
            } catch let error as ServiceCallError {
                printError("\(error.error.message) (\(error.status) \(error.error.code))")
                throw GatewayExit.refused
            } catch let error as BusError {
                printError("\(error)")
                throw GatewayExit.notRunning
            }
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

/// The one-line progress bar of `hyte indicator import` on standard error (a terminal only).
final class ProgressBar: @unchecked Sendable {
    enum Phase { case upload, parse }

    let file: String
    let language: Language
    private let lock = NSLock()
    private var lastLine = ""

    init(file: String, language: Language) {
        self.file = file
        self.language = language
    }

    /// Redraws the line: the phase, a bar of `done` of `total` bytes, and the values staged.
    func show(phase: Phase, done: Int, total: Int, values: Int? = nil) {
        let fraction = total > 0 ? min(1, Double(done) / Double(total)) : 1
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let label = phase == .upload
            ? IndicatorText.word("lähetetään", "skickar", "uploading", language)
            : IndicatorText.word("tuodaan", "importerar", "importing", language)
        var line = "\(file): \(label) \(bar) \(Int(fraction * 100)) % \(Self.mebibytes(done))/\(Self.mebibytes(total)) MiB"
        if let values {
            line += ", \(values) " + IndicatorText.word("arvoa", "värden", "values", language)
        }
        lock.lock()
        defer { lock.unlock() }
        guard line != lastLine else { return }
        lastLine = line
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(line)".utf8))
    }

    /// Erases the line.
    func clear() {
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        lastLine = ""
    }

    private static func mebibytes(_ bytes: Int) -> String {
        String(format: "%.1f", Double(bytes) / 1_048_576)
    }
}
