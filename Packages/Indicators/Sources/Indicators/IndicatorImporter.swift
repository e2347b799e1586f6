import BusCore
import Foundation
import Logging
import Model

/// Answers `indicator.import`: parses the file with the streaming readers and sends it to
/// storage — values in batches inside one storage import that is committed at the end or
/// aborted on any error (nothing is stored), catalogue and regions as catalogue upserts.
struct IndicatorImporter {
    let bus: any BusClient
    let headers: RequestHeaders
    let logger: Logger

    func run(_ request: IndicatorContracts.Import.Request) async throws -> IndicatorContracts.Import.Response {
        do {
            return request.format.carriesValues ? try await importValues(request) : try await importCatalogue(request)
        } catch let error as IndicatorParseError {
            logger.info("file refused", metadata: ["file": "\(request.fileName)", "error": "\(error.description)"])
            throw ServiceError(.badRequest, code: "invalid_file", error.description, details: error.details)
        }
    }

    private func importValues(_ request: IndicatorContracts.Import.Request) async throws -> IndicatorContracts.Import.Response {
        let catalogue = try await StoredCatalogue.load(bus, headers: headers)
        let options = IndicatorParseOptions(batchSize: request.batchSize ?? 1000)
        var source = try Self.source(request, catalogue: catalogue)
        let begin = try await bus.call(IndicatorStorageContracts.BeginImport.self, .init(fileName: request.fileName), headers: headers)
        do {
            var batcher = IndicatorValueBatcher(fileName: request.fileName, options: options)
            while let (value, location) = try source.nextValue() {
                if let batch = try batcher.add(value, at: location) { try await stage(batch, importId: begin.importId) }
            }
            if let batch = batcher.finish() { try await stage(batch, importId: begin.importId) }
            let counts = try await bus.call(IndicatorStorageContracts.CommitImport.self, .init(importId: begin.importId),
                                            headers: headers)
            logger.info("indicator file imported", metadata: [
                "file": "\(request.fileName)", "values": "\(batcher.summary.values)", "added": "\(counts.added)",
                "changed": "\(counts.changed)", "unchanged": "\(counts.unchanged)",
            ])
            return .init(format: request.format, values: batcher.summary.values, batches: batcher.summary.batches, valueCounts: counts)
        } catch {
            _ = try? await bus.call(IndicatorStorageContracts.AbortImport.self, .init(importId: begin.importId), headers: headers)
            throw error
        }
    }

    private func stage(_ batch: [IndicatorValue], importId: String) async throws {
        _ = try await bus.call(IndicatorStorageContracts.StageBatch.self, .init(importId: importId, values: batch), headers: headers)
    }

    /// The reader of a value format, with ids mapped to the stored catalogue's.
    static func source(_ request: IndicatorContracts.Import.Request,
                       catalogue: StoredCatalogue) throws -> MappedValueSource {
        let data = Data(request.content.utf8)
        let name = request.fileName
        switch request.format {
        case .sotkanetJSON:
            return MappedValueSource(SotkanetValueParser(fileName: name, data: data)) { value in
                value.indicator = catalogue.indicatorId(sotkanet: value.indicator)
                value.region = catalogue.regionId(sotkanet: value.region)
            }
        case .sotkanetCSV:
            return MappedValueSource(IndicatorCSVParser(fileName: name, data: data, dialect: .sotkanet)) { value in
                value.indicator = catalogue.indicatorId(sotkanet: value.indicator)
                value.region = catalogue.regionId(sotkanet: value.region)
            }
        case .hyteCSV:
            return MappedValueSource(IndicatorCSVParser(fileName: name, data: data, dialect: .hyte)) { value in
                value.region = catalogue.regionId(value.region)
            }
        case .jsonStat:
            return MappedValueSource(JSONStatParser(fileName: name, data: data, mapping: .guessed(from: data))) { value in
                value.region = catalogue.regionId(value.region)
            }
        case .catalogue, .sotkanetMetadata, .sotkanetRegions, .sotkanetWelfareCounties:
            throw IndicatorParseError(.unsupported, fileName: name, reason: "\(request.format.rawValue) holds no values")
        }
    }

    private func importCatalogue(_ request: IndicatorContracts.Import.Request) async throws -> IndicatorContracts.Import.Response {
        let data = Data(request.content.utf8)
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
                                       .init(regions: regions, indicators: indicators), headers: headers)
        logger.info("indicator catalogue imported", metadata: [
            "file": "\(request.fileName)", "regions": "\(regions.count)", "indicators": "\(indicators.count)",
        ])
        return .init(format: request.format, batches: 1, indicatorCounts: reply.indicators, regionCounts: reply.regions)
    }
}
