import BusCore
import BusTesting
import Foundation
import Model
import Testing
@testable import Storage

/// The indicator tables and `indicator.*` operations, on SQLite and PostgreSQL.
@Suite struct IndicatorStorageTests {
    static let headers = RequestHeaders(actor: Actor(id: "coordinator@kymsote.fi"))

    static let values: [IndicatorValue] = [
        IndicatorValue(indicator: "171", region: "helsinki", period: ReportingPeriod(year: 2019), value: 7.4, count: 48189),
        IndicatorValue(indicator: "171", region: "helsinki", period: ReportingPeriod(year: 2023), value: 8.6, count: 57877),
        IndicatorValue(indicator: "171", region: "espoo", period: ReportingPeriod(year: 2019), value: 6.6, count: nil),
        IndicatorValue(indicator: "7", region: "kymenlaakso", period: ReportingPeriod(year: 2019), group: .grades8to9, value: 76),
        IndicatorValue(indicator: "7", region: "kymenlaakso", period: ReportingPeriod(year: 2019), group: .grades4to5, value: 88,
                       numerator: 880, denominator: 1000),
        IndicatorValue(indicator: "7", region: "kymenlaakso", period: ReportingPeriod(year: 2021, part: .half(1)), gender: .female,
                       value: nil),
    ]

    static let definition = IndicatorDefinition(
        id: "7", name: LocalizedText(fi: "Kokee terveydentilansa hyväksi", en: "Perceives own health as good"),
        source: "Kouluterveyskysely", unit: .percent, decimals: 1, direction: .higherIsBetter, category: .healthAndHabits,
        groups: [.grades4to5, .grades8to9])
    static let region = Region(id: "kymenlaakso", kind: .region, name: LocalizedText(fi: "Kymenlaakso", sv: "Kymmenedalen"), code: "08")

    /// Begins an import, stages `values` in batches of `size` and commits it.
    static func importValues(_ bus: InMemoryBus, _ values: [IndicatorValue], size: Int = 2) async throws -> IndicatorStorageContracts.Counts {
        let begin = try await bus.call(IndicatorStorageContracts.BeginImport.self, .init(fileName: "values.json"), headers: headers)
        var start = 0
        while start < values.count {
            let batch = Array(values[start..<min(start + size, values.count)])
            _ = try await bus.call(IndicatorStorageContracts.StageBatch.self, .init(importId: begin.importId, values: batch), headers: headers)
            start += size
        }
        return try await bus.call(IndicatorStorageContracts.CommitImport.self, .init(importId: begin.importId), headers: headers)
    }

    static func all(_ bus: InMemoryBus, _ indicator: String) async throws -> [IndicatorValue] {
        try await bus.call(IndicatorStorageContracts.QueryValues.self, .init(indicator: indicator), headers: headers).values
    }

    @Test(arguments: Backend.allCases)
    func importReadsBackExactlyAndReimportChangesNothing(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let first = try await Self.importValues(storage.bus, Self.values)
            #expect(first == .init(added: 6, changed: 0, unchanged: 0))
            let stored = try await Self.all(storage.bus, "7") + Self.all(storage.bus, "171")
            #expect(Set(stored) == Set(Self.values))
            let again = try await Self.importValues(storage.bus, Self.values, size: 4)
            #expect(again == .init(added: 0, changed: 0, unchanged: 6))
            var changed = Self.values
            changed[0].value = 7.5
            changed[5].value = 12
            let third = try await Self.importValues(storage.bus, changed)
            #expect(third == .init(added: 0, changed: 2, unchanged: 4))
            let helsinki = try await storage.bus.call(IndicatorStorageContracts.QueryValues.self, .init(
                indicator: "171", regions: ["helsinki"], fromYear: 2019, toYear: 2020, gender: .total), headers: Self.headers).values
            #expect(helsinki == [changed[0]])
            let group = try await storage.bus.call(IndicatorStorageContracts.QueryValues.self, .init(
                indicator: "7", group: .grades4to5), headers: Self.headers).values
            #expect(group == [Self.values[4]])
        }
    }

    @Test(arguments: Backend.allCases)
    func abortLeavesNothingAndTheImportIsClosed(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let bus = storage.bus
            let begin = try await bus.call(IndicatorStorageContracts.BeginImport.self, .init(fileName: "bad.json"), headers: Self.headers)
            let staged = try await bus.call(IndicatorStorageContracts.StageBatch.self,
                                            .init(importId: begin.importId, values: Self.values), headers: Self.headers)
            #expect(staged.staged == 6)
            #expect(try await Self.all(bus, "171").isEmpty)
            let aborted = try await bus.call(IndicatorStorageContracts.AbortImport.self, .init(importId: begin.importId), headers: Self.headers)
            #expect(aborted.dropped == 6)
            #expect(try await Self.all(bus, "171").isEmpty)
            await #expect(throws: ServiceCallError.self) {
                _ = try await bus.call(IndicatorStorageContracts.CommitImport.self, .init(importId: begin.importId), headers: Self.headers)
            }
            await #expect(throws: ServiceCallError.self) {
                _ = try await bus.call(IndicatorStorageContracts.StageBatch.self, .init(importId: "nope", values: Self.values),
                                       headers: Self.headers)
            }
        }
    }

    @Test(arguments: Backend.allCases)
    func repeatedCommitReturnsTheSameCounts(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let bus = storage.bus
            let begin = try await bus.call(IndicatorStorageContracts.BeginImport.self, .init(fileName: "v.json"), headers: Self.headers)
            _ = try await bus.call(IndicatorStorageContracts.StageBatch.self, .init(importId: begin.importId, values: Self.values),
                                   headers: Self.headers)
            let once = try await bus.call(IndicatorStorageContracts.CommitImport.self, .init(importId: begin.importId), headers: Self.headers)
            let twice = try await bus.call(IndicatorStorageContracts.CommitImport.self, .init(importId: begin.importId), headers: Self.headers)
            #expect(once == twice)
            #expect(once.added == 6)
            let audit = try await storage.store.backend.auditEntries(recordType: "indicator_import", recordId: begin.importId, limit: nil)
            #expect(audit.count == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func catalogueIsUpsertedAndListedByCategory(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let bus = storage.bus
            let other = IndicatorDefinition(id: "10", name: LocalizedText(fi: "Harrastus"), source: "KTK", unit: .percent,
                                            direction: .higherIsBetter, category: .welfareAndLeisure)
            let put = try await bus.call(IndicatorStorageContracts.PutCatalogue.self,
                                         .init(regions: [Self.region], indicators: [other, Self.definition]), headers: Self.headers)
            #expect(put.indicators == .init(added: 2) && put.regions == .init(added: 1))
            var renamed = Self.definition
            renamed.decimals = 0
            let again = try await bus.call(IndicatorStorageContracts.PutCatalogue.self,
                                           .init(regions: [Self.region], indicators: [renamed, other]), headers: Self.headers)
            #expect(again.indicators == .init(changed: 1, unchanged: 1) && again.regions == .init(unchanged: 1))
            let all = try await bus.call(IndicatorStorageContracts.ListCatalogue.self, .init(), headers: Self.headers)
            #expect(all.indicators.map(\.id) == ["7", "10"])
            #expect(all.indicators.first == renamed)
            #expect(all.regions == [Self.region])
            let health = try await bus.call(IndicatorStorageContracts.ListCatalogue.self, .init(category: .healthAndHabits),
                                            headers: Self.headers)
            #expect(health.indicators == [renamed])
        }
    }

    @Test(arguments: Backend.allCases)
    func uploadChunksOnceAndReadsThemBackByteExact(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let bus = storage.bus
            var generator = SystemRandomNumberGenerator()
            let bytes = Data((0..<10_000).map { _ in UInt8.random(in: 0...255, using: &generator) })
            let begin = try await bus.call(IndicatorUploadContracts.Begin.self, .init(fileName: "big.json", size: bytes.count),
                                           headers: Self.headers)
            let id = begin.uploadId
            var offset = 0, seq = 0
            while offset < bytes.count {
                let piece = bytes.subdata(in: offset..<min(bytes.count, offset + 3000))
                let reply = try await bus.call(IndicatorUploadContracts.Chunk.self,
                                               .init(uploadId: id, seq: seq, offset: offset, data: piece), headers: Self.headers)
                #expect(reply.received == offset + piece.count)
                if seq == 1 {
                    // The same chunk again (a retried request) is stored once.
                    let again = try await bus.call(IndicatorUploadContracts.Chunk.self,
                                                   .init(uploadId: id, seq: seq, offset: offset, data: piece), headers: Self.headers)
                    #expect(again.received == offset + piece.count)
                }
                offset += piece.count
                seq += 1
            }
            let other = await #expect(throws: ServiceCallError.self) {
                _ = try await bus.call(IndicatorUploadContracts.Chunk.self,
                                       .init(uploadId: id, seq: 1, offset: 3000, data: Data(count: 3000)), headers: Self.headers)
            }
            #expect(other?.status == 409)
            let past = await #expect(throws: ServiceCallError.self) {
                _ = try await bus.call(IndicatorUploadContracts.Chunk.self,
                                       .init(uploadId: id, seq: 9, offset: 9000, data: Data(count: 3000)), headers: Self.headers)
            }
            #expect(past?.status == 400)
            let status = try await bus.call(IndicatorUploadContracts.Status.self, .init(uploadId: id), headers: Self.headers)
            #expect(status == .init(uploadId: id, fileName: "big.json", size: 10_000, received: 10_000, chunks: 4,
                                    parsedBytes: 0, stagedValues: 0, complete: true))
            // Read back in pieces that cross the chunks' boundaries.
            for length in [999, 2500, 4096, 10_000] {
                var read = Data()
                while read.count < bytes.count {
                    let piece = try await bus.call(IndicatorUploadContracts.Read.self,
                                                   .init(uploadId: id, offset: read.count, maxLength: length), headers: Self.headers)
                    #expect(piece.size == 10_000)
                    #expect(piece.data.count == min(length, bytes.count - read.count))
                    read.append(piece.data)
                }
                #expect(read == bytes, "pieces of \(length)")
            }
            let one = try await bus.call(IndicatorUploadContracts.Read.self, .init(uploadId: id, offset: 2999, maxLength: 2),
                                         headers: Self.headers)
            #expect(one.data == bytes.subdata(in: 2999..<3001))
            let end = try await bus.call(IndicatorUploadContracts.Read.self, .init(uploadId: id, offset: 10_000), headers: Self.headers)
            #expect(end.data.isEmpty)
            _ = try await bus.call(IndicatorUploadContracts.Progress.self, .init(uploadId: id, parsedBytes: 4096, stagedValues: 12),
                                   headers: Self.headers)
            let progress = try await bus.call(IndicatorUploadContracts.Status.self, .init(uploadId: id), headers: Self.headers)
            #expect(progress.parsedBytes == 4096 && progress.stagedValues == 12)
            #expect(try await bus.call(IndicatorUploadContracts.Delete.self, .init(uploadId: id), headers: Self.headers).deleted)
            #expect(try await !bus.call(IndicatorUploadContracts.Delete.self, .init(uploadId: id), headers: Self.headers).deleted)
            let gone = await #expect(throws: ServiceCallError.self) {
                _ = try await bus.call(IndicatorUploadContracts.Read.self, .init(uploadId: id, offset: 0), headers: Self.headers)
            }
            #expect(gone?.status == 404)

            // An upload with a missing chunk cannot be read past the gap.
            let gap = try await bus.call(IndicatorUploadContracts.Begin.self, .init(fileName: "gap.csv", size: 20), headers: Self.headers)
            _ = try await bus.call(IndicatorUploadContracts.Chunk.self, .init(uploadId: gap.uploadId, seq: 0, offset: 0, data: Data(count: 10)),
                                   headers: Self.headers)
            #expect(try await !bus.call(IndicatorUploadContracts.Status.self, .init(uploadId: gap.uploadId), headers: Self.headers).complete)
            let incomplete = await #expect(throws: ServiceCallError.self) {
                _ = try await bus.call(IndicatorUploadContracts.Read.self, .init(uploadId: gap.uploadId, offset: 5), headers: Self.headers)
            }
            #expect(incomplete?.status == 409)
        }
    }

    @Test(arguments: Backend.allCases)
    func stagedRowsFindDuplicatesAcrossBatchesAndStageARetriedBatchOnce(_ backend: Backend) async throws {
        try await withStorage(backend) { storage in
            let bus = storage.bus
            let begin = try await bus.call(IndicatorStorageContracts.BeginImport.self, .init(fileName: "values.csv"), headers: Self.headers)
            let rows = Self.values.enumerated().map { IndicatorUploadContracts.LocatedValue(value: $1, line: $0 + 2) }
            let first = try await bus.call(IndicatorUploadContracts.StageRows.self, .init(importId: begin.importId, rows: Array(rows[0..<4])),
                                           headers: Self.headers)
            #expect(first.staged == 4)
            let retried = try await bus.call(IndicatorUploadContracts.StageRows.self, .init(importId: begin.importId, rows: Array(rows[2..<6])),
                                             headers: Self.headers)
            #expect(retried.staged == 2)  // rows 2 and 3 were staged before; the reply counts what this batch added
            var again = Self.values[1]
            again.value = 1
            let error = await #expect(throws: ServiceCallError.self) {
                _ = try await bus.call(IndicatorUploadContracts.StageRows.self, .init(importId: begin.importId, rows: [
                    .init(value: Self.values[0], line: 2), .init(value: again, line: 40)]), headers: Self.headers)
            }
            #expect(error?.status == 409)
            #expect(error?.error.code == "duplicate_row")
            #expect(error?.error.details?["line"] == "40")
            #expect(error?.error.details?["earlierLocation"] == "line 3")
            #expect(error?.error.details?["indicator"] == "171")
            let within = await #expect(throws: ServiceCallError.self) {
                _ = try await bus.call(IndicatorUploadContracts.StageRows.self, .init(importId: begin.importId, rows: [
                    .init(value: Self.values[0], path: "$.value[7]"), .init(value: Self.values[0], path: "$.value[9]")]),
                                       headers: Self.headers)
            }
            #expect(within?.error.details?["location"] == "$.value[9]")
            let counts = try await bus.call(IndicatorStorageContracts.CommitImport.self, .init(importId: begin.importId), headers: Self.headers)
            #expect(counts == .init(added: 6))
            let stored = try await Self.all(bus, "7") + Self.all(bus, "171")
            #expect(Set(stored) == Set(Self.values))
        }
    }
}
