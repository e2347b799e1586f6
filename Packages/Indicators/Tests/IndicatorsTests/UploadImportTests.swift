import BusCore
import BusTesting
import Foundation
@testable import Indicators
import Logging
import Model
import Testing

/// `indicator.import` of a file uploaded to storage in chunks: the same result as the file in the
/// request, errors with their line, duplicates found by storage, the upload removed at the end.
@Suite struct UploadImportTests {
    let storage = IndicatorFakeStorage()
    let bus = InMemoryBus()

    init() {
        bus.register(storage.router)
        bus.register(buildIndicatorsRouter(logger: Logger(label: "test.indicators")))
    }

    /// Uploads `data` in chunks of `chunkSize` bytes and returns the upload id.
    func upload(_ data: Data, name: String, chunkSize: Int) async throws -> String {
        let begin = try await bus.call(IndicatorUploadContracts.Begin.self, .init(fileName: name, size: data.count))
        var offset = 0, seq = 0
        while offset < data.count {
            let piece = data.subdata(in: offset..<min(data.count, offset + chunkSize))
            _ = try await bus.call(IndicatorUploadContracts.Chunk.self, .init(uploadId: begin.uploadId, seq: seq, offset: offset, data: piece))
            offset += piece.count
            seq += 1
        }
        return begin.uploadId
    }

    func importUpload(_ format: IndicatorContracts.Format, _ data: Data, name: String, chunkSize: Int = 97,
                      batchSize: Int? = nil) async throws -> IndicatorContracts.Import.Response {
        let id = try await upload(data, name: name, chunkSize: chunkSize)
        return try await bus.call(IndicatorContracts.Import.self, .init(format: format, fileName: name, uploadId: id, batchSize: batchSize))
    }

    func stored() -> Set<IndicatorValue> { storage.state.withLock { Set($0.values.values) } }

    @Test func importThroughAnUploadEqualsImportThroughContent() async throws {
        let other = IndicatorFakeStorage()
        let otherBus = InMemoryBus()
        otherBus.register(other.router)
        otherBus.register(buildIndicatorsRouter(logger: Logger(label: "test.indicators")))
        let files: [(IndicatorContracts.Format, String, String)] = [
            (.catalogue, "kymenlaakso-2020-indicators", "json"), (.hyteCSV, "kymenlaakso-2020-values", "csv"),
            (.sotkanetJSON, "sotkanet_data_171_2019_2023", "json"), (.jsonStat, "statfin_velk_pxt_13kt_jsonstat2_fi", "json"),
            (.sotkanetWelfareCounties, "sotkanet_hyvinvointialueet", "csv"),
        ]
        for (format, name, ext) in files {
            let viaUpload = try await importUpload(format, try FixtureFile.data(name, ext), name: "\(name).\(ext)", batchSize: 7)
            let viaContent = try await otherBus.call(IndicatorContracts.Import.self, .init(
                format: format, fileName: "\(name).\(ext)", content: try FixtureFile.text(name, ext), batchSize: 7))
            #expect(viaUpload == viaContent, "\(name)")
        }
        #expect(stored() == other.state.withLock { Set($0.values.values) })
        #expect(stored().count == 158 + 10 + 1)
        storage.state.withLock { state in
            #expect(state.uploads.isEmpty, "every upload is deleted after its import")
            #expect(state.progressWrites >= 1)
        }
        // The same upload again changes nothing.
        let again = try await importUpload(.hyteCSV, try FixtureFile.data("kymenlaakso-2020-values", "csv"), name: "v.csv")
        #expect(again.valueCounts == .init(unchanged: 158))
    }

    @Test func aBrokenUploadIsRefusedWithItsLineStoresNothingAndIsRemoved() async throws {
        var text = "indicator;region;period;group;value\n"
        for year in 2000..<2200 { text += "2;kymenlaakso;\(year);;\(year % 50)\n" }
        text += "2;whole-country;2018;;4x\n"
        let error = await #expect(throws: ServiceCallError.self) {
            try await importUpload(.hyteCSV, Data(text.utf8), name: "v.csv", chunkSize: 256, batchSize: 10)
        }
        #expect(error?.status == 400)
        #expect(error?.error.code == "invalid_file")
        #expect(error?.error.message.hasPrefix("v.csv: line 202, field 'value'") == true, "\(error?.error.message ?? "")")
        storage.state.withLock { state in
            #expect(state.values.isEmpty)
            #expect(state.aborted == 1)
            #expect(state.staged.isEmpty)
            #expect(state.uploads.isEmpty)
        }
    }

    @Test func aDuplicateInALaterBatchNamesBothLines() async throws {
        let text = """
            indicator;region;period;group;value
            2;kymenlaakso;2018;;37
            2;kymenlaakso;2019;;38
            2;kymenlaakso;2020;;39
            2;kymenlaakso;2018;;40
            """
        for viaUpload in [true, false] {
            let error = await #expect(throws: ServiceCallError.self) {
                if viaUpload {
                    try await importUpload(.hyteCSV, Data(text.utf8), name: "d.csv", batchSize: 2)
                } else {
                    try await bus.call(IndicatorContracts.Import.self, .init(format: .hyteCSV, fileName: "d.csv", content: text, batchSize: 2))
                }
            }
            #expect(error?.error.code == "invalid_file")
            #expect(error?.error.details?["kind"] == "duplicate_row")
            #expect(error?.error.details?["line"] == "5")
            #expect(error?.error.message.hasPrefix("d.csv: line 5:") == true, "\(error?.error.message ?? "")")
            #expect(error?.error.message.hasSuffix("was already given at line 2") == true, "\(error?.error.message ?? "")")
        }
        #expect(storage.state.withLock { $0.values.isEmpty && $0.uploads.isEmpty })
    }

    @Test func aMultiPieceUploadIsReadPieceByPiece() async throws {
        // 40 000 rows of Sotkanet JSON, about 3 MiB: several pieces of 1 MiB.
        var text = "["
        for index in 0..<40_000 {
            if index > 0 { text += ",\n" }
            text += #"{"indicator": \#(index % 20 + 1), "region": \#(index / 20 % 400 + 1), "year": \#(2000 + index / 8000), "#
                + #""gender": "total", "value": \#(Double(index % 1000) / 10), "absValue": \#(index)}"#
        }
        text += "]\n"
        let data = Data(text.utf8)
        let reply = try await importUpload(.sotkanetJSON, data, name: "big.json", chunkSize: 1 << 20)
        #expect(reply.values == 40_000)
        #expect(reply.valueCounts.added == 40_000)
        storage.state.withLock { state in
            #expect(state.reads == (data.count + (1 << 20) - 1) >> 20)
            #expect(state.uploads.isEmpty)
        }
    }

    @Test(arguments: ["statfin_velk_pxt_13kt_jsonstat2_fi"])
    func theStreamedJSONStatGuessEqualsTheInMemoryOne(_ name: String) throws {
        let data = try FixtureFile.data(name, "json")
        #expect(JSONStatMapping.guessed(bytes: ChunkedByteIterator(data: data, pieceSize: 5)) == JSONStatMapping.guessed(from: data))
    }

    @Test func anUploadSourceReadsEveryByteAndReportsAFailedRead() async throws {
        let bytes = Data((0..<1000).map { UInt8($0 % 251) })
        let source = UploadByteSource(uploadId: "u", size: bytes.count, pieceSize: 300) { offset in
            bytes.subdata(in: offset..<min(bytes.count, offset + 300))
        }
        let read = try await BlockingBridge.run(name: "test") { Array(IteratorSequence(source.makeIterator())) }
        #expect(Data(read) == bytes)
        let failing = UploadByteSource(uploadId: "u", size: 1000, pieceSize: 300) { offset in
            guard offset < 600 else { throw ServiceError.notFound("gone") }
            return Data(count: 300)
        }
        let count = try await BlockingBridge.run(name: "test") { Array(IteratorSequence(failing.makeIterator())).count }
        #expect(count == 600)
        #expect(failing.failure != nil)
    }
}
