import BusCore
import Foundation
import Logging
import Model

/// Answers `indicator.import`: parses the file with the streaming readers and sends it to
/// storage — values in batches inside one storage import that is committed at the end or
/// aborted on any error (nothing is stored), catalogue and regions as catalogue upserts.
///
/// The file comes in the request (`content`, small files) or as an upload in storage
/// (`uploadId`), which is read piece by piece (``UploadByteSource``) and deleted when the import
/// ends, committed or not. The parser runs on a thread of its own (``BlockingBridge``) because it
/// pulls its bytes synchronously while reading the upload and staging batches are bus calls.
/// Duplicate values are found by storage's staging table (`indicator.import.rows`), so memory
/// does not grow with the file: one batch of values, two pieces of the upload and the parser's
/// state. After each batch (at most every `progressInterval`) the figures go to `indicator.upload.progress`.
struct IndicatorImporter {
    let bus: any BusClient
    let headers: RequestHeaders
    let logger: Logger
    /// The least time between two `indicator.upload.progress` writes.
    var progressInterval: Duration = .milliseconds(200)

    func run(_ request: IndicatorContracts.Import.Request) async throws -> IndicatorContracts.Import.Response {
        do {
            let reply = request.format.carriesValues ? try await importValues(request) : try await importCatalogue(request)
            await deleteUpload(request.uploadId)
            return reply
        } catch let error as IndicatorParseError {
            await deleteUpload(request.uploadId)
            logger.info("file refused", metadata: ["file": "\(request.fileName)", "error": "\(error.description)"])
            throw ServiceError(.badRequest, code: "invalid_file", error.description, details: error.details)
        } catch {
            await deleteUpload(request.uploadId)
            throw error
        }
    }

    /// Deletes the upload once the import ended (best effort: a stale upload is removed a day later anyway).
    private func deleteUpload(_ uploadId: String?) async {
        guard let uploadId else { return }
        do {
            _ = try await bus.call(IndicatorUploadContracts.Delete.self, .init(uploadId: uploadId), headers: headers.fresh())
        } catch {
            logger.warning("upload not deleted", metadata: ["upload": "\(uploadId)", "error": "\(error)"])
        }
    }

    private func importValues(_ request: IndicatorContracts.Import.Request) async throws -> IndicatorContracts.Import.Response {
        let catalogue = try await StoredCatalogue.load(bus, headers: headers.fresh())
        let batchSize = max(1, request.batchSize ?? 1000)
        var reader: UploadByteSource?
        if let uploadId = request.uploadId {
            reader = UploadByteSource(bus: bus, headers: headers.fresh(), uploadId: uploadId,
                                      size: try await completeUploadSize(uploadId, fileName: request.fileName))
        }
        let upload = reader
        var mapping: JSONStatMapping?
        if request.format == .jsonStat, let upload {
            // A first pass over the upload reads the dimension names only.
            let first = UploadByteSource(bus: bus, headers: headers.fresh(), uploadId: upload.uploadId, size: upload.size)
            mapping = try await BlockingBridge.run(name: "indicator-import-guess") {
                let guess = JSONStatMapping.guessed(bytes: first.makeIterator())
                if let failure = first.failure { throw failure }
                return guess
            }
        }
        let begin = try await bus.call(IndicatorStorageContracts.BeginImport.self, .init(fileName: request.fileName), headers: headers.fresh())
        do {
            let run = ValueRun(bus: bus, headers: headers.fresh(), importId: begin.importId, fileName: request.fileName,
                               batchSize: batchSize, upload: upload, progressInterval: progressInterval)
            let summary = try await BlockingBridge.run(name: "indicator-import") { [request, mapping] in
                var source = try Self.source(request, catalogue: catalogue, upload: upload, mapping: mapping)
                return try run.parse(&source)
            }
            let counts = try await bus.call(IndicatorStorageContracts.CommitImport.self, .init(importId: begin.importId),
                                            headers: headers.fresh(),
                                            // A repeated commit returns the same counts, so sending it again is safe.
                                            options: RequestOptions(timeout: .seconds(600), retries: 3))
            logger.info("indicator file imported", metadata: [
                "file": "\(request.fileName)", "values": "\(summary.values)", "added": "\(counts.added)",
                "changed": "\(counts.changed)", "unchanged": "\(counts.unchanged)",
            ])
            return .init(format: request.format, values: summary.values, batches: summary.batches, valueCounts: counts)
        } catch {
            _ = try? await bus.call(IndicatorStorageContracts.AbortImport.self, .init(importId: begin.importId), headers: headers.fresh())
            throw error
        }
    }

    /// The reader of a value format, with ids mapped to the stored catalogue's.
    static func source(_ request: IndicatorContracts.Import.Request, catalogue: StoredCatalogue,
                       upload: UploadByteSource? = nil, mapping: JSONStatMapping? = nil) throws -> MappedValueSource {
        let name = request.fileName
        let bytes = upload?.makeIterator() ?? ChunkedByteIterator(data: Data(request.content.utf8))
        switch request.format {
        case .sotkanetJSON:
            return MappedValueSource(SotkanetValueParser(fileName: name, bytes: bytes)) { value in
                value.indicator = catalogue.indicatorId(sotkanet: value.indicator)
                value.region = catalogue.regionId(sotkanet: value.region)
            }
        case .sotkanetCSV:
            return MappedValueSource(IndicatorCSVParser(fileName: name, bytes: bytes, dialect: .sotkanet)) { value in
                value.indicator = catalogue.indicatorId(sotkanet: value.indicator)
                value.region = catalogue.regionId(sotkanet: value.region)
            }
        case .hyteCSV:
            return MappedValueSource(IndicatorCSVParser(fileName: name, bytes: bytes, dialect: .hyte)) { value in
                value.region = catalogue.regionId(value.region)
            }
        case .jsonStat:
            let mapping = mapping ?? .guessed(bytes: Data(request.content.utf8).makeIterator())
            return MappedValueSource(JSONStatParser(fileName: name, bytes: bytes, mapping: mapping)) { value in
                value.region = catalogue.regionId(value.region)
            }
        case .catalogue, .sotkanetMetadata, .sotkanetRegions, .sotkanetWelfareCounties:
            throw IndicatorParseError(.unsupported, fileName: name, reason: "\(request.format.rawValue) holds no values")
        }
    }

    /// The size of upload `uploadId`; a 409 `upload_incomplete` unless every chunk has arrived.
    private func completeUploadSize(_ uploadId: String, fileName: String) async throws -> Int {
        let status = try await bus.call(IndicatorUploadContracts.Status.self, .init(uploadId: uploadId), headers: headers.fresh())
        guard status.complete else {
            throw ServiceError(.conflict, code: "upload_incomplete",
                               "the upload of \(fileName) holds \(status.received) of \(status.size) bytes")
        }
        return status.size
    }

    /// The whole file: the request's content, or every byte of the upload (catalogue formats, which are small).
    private func wholeFile(_ request: IndicatorContracts.Import.Request) async throws -> Data {
        guard let uploadId = request.uploadId else { return Data(request.content.utf8) }
        let size = try await completeUploadSize(uploadId, fileName: request.fileName)
        var data = Data()
        while data.count < size {
            let piece = try await bus.call(IndicatorUploadContracts.Read.self, .init(uploadId: uploadId, offset: data.count),
                                           headers: headers.fresh()).data
            guard !piece.isEmpty else { break }
            data.append(piece)
        }
        return data
    }

    private func importCatalogue(_ request: IndicatorContracts.Import.Request) async throws -> IndicatorContracts.Import.Response {
        let data = try await wholeFile(request)
        var regions: [Region] = []
        var indicators: [IndicatorDefinition] = []
        switch request.format {
        case .catalogue:
            let catalogue = try IndicatorCatalogue.decode(data, fileName: request.fileName)
            (regions, indicators) = (catalogue.regions, catalogue.indicators)
        case .sotkanetMetadata:
            var parser = SotkanetIndicatorMetadataParser(fileName: request.fileName, data: data)
            indicators = try parser.readAll()
        case .sotkanetRegions:
            var parser = SotkanetRegionParser(fileName: request.fileName, data: data)
            regions = try parser.readAll()
        case .sotkanetWelfareCounties:
            var parser = SotkanetWelfareCountyCSVParser(fileName: request.fileName, data: data)
            regions = try parser.readAll()
        case .sotkanetJSON, .sotkanetCSV, .hyteCSV, .jsonStat:
            throw IndicatorParseError(.unsupported, fileName: request.fileName, reason: "\(request.format.rawValue) holds values")
        }
        let reply = try await bus.call(IndicatorStorageContracts.PutCatalogue.self,
                                       .init(regions: regions, indicators: indicators), headers: headers.fresh())
        logger.info("indicator catalogue imported", metadata: [
            "file": "\(request.fileName)", "regions": "\(regions.count)", "indicators": "\(indicators.count)",
        ])
        return .init(format: request.format, batches: 1, indicatorCounts: reply.indicators, regionCounts: reply.regions)
    }
}

/// One value import's parse loop, run on the thread of ``BlockingBridge``: values are batched
/// with their locations and staged with `indicator.import.rows`; a duplicate refused by storage
/// becomes a `duplicate_row` error naming both lines.
struct ValueRun: Sendable {
    let bus: any BusClient
    let headers: RequestHeaders
    let importId: String
    let fileName: String
    let batchSize: Int
    let upload: UploadByteSource?
    let progressInterval: Duration

    func parse(_ source: inout MappedValueSource) throws -> IndicatorParseSummary {
        var summary = IndicatorParseSummary()
        var batch: [IndicatorUploadContracts.LocatedValue] = []
        batch.reserveCapacity(batchSize)
        let clock = ContinuousClock()
        var lastProgress = clock.now
        func flush() throws {
            guard !batch.isEmpty else { return }
            let rows = batch
            batch.removeAll(keepingCapacity: true)
            summary.batches += 1
            try stage(rows)
            if let upload, clock.now - lastProgress >= progressInterval || upload.delivered >= upload.size {
                lastProgress = clock.now
                let progress = IndicatorUploadContracts.Progress.Request(uploadId: upload.uploadId, parsedBytes: upload.delivered,
                                                                         stagedValues: summary.values)
                let bus = self.bus, headers = self.headers
                _ = try? BlockingBridge.wait {
                    try await bus.call(IndicatorUploadContracts.Progress.self, progress, headers: headers.fresh())
                }
            }
        }
        do {
            while let (value, location) = try source.nextValue() {
                batch.append(.init(value: value, line: location.line, path: location.path))
                summary.values += 1
                summary.peakBufferedValues = max(summary.peakBufferedValues, batch.count)
                if batch.count >= batchSize { try flush() }
            }
        } catch let error as IndicatorParseError {
            // A failed read of the upload ends the input early; report it rather than the parser's "unexpected end".
            if let failure = upload?.failure { throw failure }
            throw error
        }
        if let failure = upload?.failure { throw failure }
        try flush()
        return summary
    }

    private func stage(_ rows: [IndicatorUploadContracts.LocatedValue]) throws {
        let bus = self.bus, headers = self.headers, importId = self.importId
        do {
            _ = try BlockingBridge.wait {
                try await bus.call(IndicatorUploadContracts.StageRows.self, .init(importId: importId, rows: rows), headers: headers.fresh(),
                                   options: RequestOptions(timeout: .seconds(60), retries: 2))
            }
        } catch let error as ServiceCallError where error.error.code == "duplicate_row" {
            throw Self.duplicate(error.error.details ?? [:], fileName: fileName)
        }
    }

    /// The parse error of a duplicate that storage found, worded as the readers word it.
    static func duplicate(_ details: [String: String], fileName: String) -> IndicatorParseError {
        let line = details["line"].flatMap { Int($0) }
        let path = line == nil ? details["location"] : nil
        let earlier = details["earlierLocation"] ?? "an earlier row"
        let group = details["group"].map { ", group \($0)" } ?? ""
        return IndicatorParseError(.duplicateRow, fileName: fileName, line: line, path: path,
                                   reason: "indicator \(details["indicator"] ?? "?"), region \(details["region"] ?? "?"), "
                                       + "period \(details["period"] ?? "?"), gender \(details["gender"] ?? "?")\(group)"
                                       + " was already given at \(earlier)")
    }
}

extension RequestHeaders {
    /// The same headers with a request id of their own, derived from this one: calls that may be
    /// in flight at once over one client need distinct ids.
    func fresh() -> RequestHeaders {
        var headers = self
        headers.requestId = "\(requestId).\(UUID().uuidString.prefix(8).lowercased())"
        return headers
    }
}

extension ChunkedByteIterator {
    /// The bytes of `data`, in pieces of 64 KiB.
    init(data: Data, pieceSize: Int = 65_536) {
        var offset = data.startIndex
        self.init {
            guard offset < data.endIndex else { return nil }
            let end = min(data.endIndex, offset + pieceSize)
            defer { offset = end }
            return [UInt8](data[offset..<end])
        }
    }
}
