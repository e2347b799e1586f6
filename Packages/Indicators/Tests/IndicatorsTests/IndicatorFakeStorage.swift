import BusCore
import Foundation
import Model
import Synchronization

/// A storage service in memory that answers the `indicator.*` operations the indicators service
/// uses, with the same all-or-nothing import: staged values become visible only on commit.
final class IndicatorFakeStorage: Sendable {
    struct State {
        var indicators: [String: IndicatorDefinition] = [:]
        var regions: [String: Region] = [:]
        var values: [IndicatorValueKey: IndicatorValue] = [:]
        var staged: [String: [IndicatorValue]] = [:]
        var begun = 0
        var aborted = 0
        /// Where each staged key was read, per import: the duplicate check of `indicator.import.rows`.
        var stagedLocations: [String: [IndicatorValueKey: String]] = [:]
        var uploads: [String: Upload] = [:]
        var uploadsBegun = 0
        var progressWrites = 0
        var reads = 0
    }

    struct Upload {
        var size: Int
        var chunks: [Int: (offset: Int, data: Data)] = [:]
        var parsedBytes = 0
        var stagedValues = 0
        var bytes: Data {
            chunks.values.sorted { $0.offset < $1.offset }.reduce(into: Data()) { $0.append($1.data) }
        }
    }

    let state = Mutex(State())

    var router: Router {
        var router = Router(service: ServiceName.storage)
        router.on(IndicatorStorageContracts.ListCatalogue.self) { [self] request, _ in
            state.withLock { state in
                .init(indicators: state.indicators.values.filter { request.category == nil || $0.category == request.category }
                        .sorted { $0.id < $1.id },
                      regions: state.regions.values.sorted { $0.id < $1.id })
            }
        }
        router.on(IndicatorStorageContracts.PutCatalogue.self) { [self] request, _ in
            state.withLock { state in
                var regions = IndicatorStorageContracts.Counts(), indicators = IndicatorStorageContracts.Counts()
                for region in request.regions {
                    switch state.regions[region.id] { case nil: regions.added += 1; case region?: regions.unchanged += 1; default: regions.changed += 1 }
                    state.regions[region.id] = region
                }
                for indicator in request.indicators {
                    switch state.indicators[indicator.id] {
                    case nil: indicators.added += 1
                    case indicator?: indicators.unchanged += 1
                    default: indicators.changed += 1
                    }
                    state.indicators[indicator.id] = indicator
                }
                return .init(regions: regions, indicators: indicators)
            }
        }
        router.on(IndicatorStorageContracts.BeginImport.self) { [self] _, _ in
            state.withLock { state in
                state.begun += 1
                state.staged["import-\(state.begun)"] = []
                return .init(importId: "import-\(state.begun)")
            }
        }
        router.on(IndicatorStorageContracts.StageBatch.self) { [self] request, _ in
            try state.withLock { state in
                guard state.staged[request.importId] != nil else { throw ServiceError.notFound("no import \(request.importId)") }
                state.staged[request.importId]!.append(contentsOf: request.values)
                return .init(staged: state.staged[request.importId]!.count)
            }
        }
        router.on(IndicatorUploadContracts.StageRows.self) { [self] request, _ in
            try state.withLock { state in
                guard state.staged[request.importId] != nil else { throw ServiceError.notFound("no import \(request.importId)") }
                var locations = state.stagedLocations[request.importId] ?? [:]
                var added: [IndicatorValue] = []
                for row in request.rows {
                    let location = row.line.map { "line \($0)" } ?? row.path ?? ""
                    if let earlier = locations[row.value.key] {
                        if earlier == location { continue }
                        var details = ["indicator": row.value.indicator, "region": row.value.region,
                                       "period": row.value.period.description, "gender": row.value.gender.rawValue,
                                       "location": location, "earlierLocation": earlier]
                        if let line = row.line { details["line"] = String(line) }
                        if let group = row.value.group { details["group"] = group.id }
                        throw ServiceError(.conflict, code: "duplicate_row", "duplicate", details: details)
                    }
                    locations[row.value.key] = location
                    added.append(row.value)
                }
                state.stagedLocations[request.importId] = locations
                state.staged[request.importId]!.append(contentsOf: added)
                return .init(staged: state.staged[request.importId]!.count)
            }
        }
        router.on(IndicatorUploadContracts.Begin.self) { [self] request, _ in
            state.withLock { state in
                state.uploadsBegun += 1
                let id = "upload-\(state.uploadsBegun)"
                state.uploads[id] = Upload(size: request.size)
                return .init(uploadId: id)
            }
        }
        router.on(IndicatorUploadContracts.Chunk.self) { [self] request, _ in
            try state.withLock { state in
                guard var upload = state.uploads[request.uploadId] else { throw ServiceError.notFound("no upload") }
                if upload.chunks[request.seq] == nil { upload.chunks[request.seq] = (request.offset, request.data) }
                state.uploads[request.uploadId] = upload
                return .init(received: upload.chunks.values.reduce(0) { $0 + $1.data.count })
            }
        }
        router.on(IndicatorUploadContracts.Read.self) { [self] request, _ in
            try state.withLock { state in
                guard let upload = state.uploads[request.uploadId] else { throw ServiceError.notFound("no upload") }
                state.reads += 1
                let bytes = upload.bytes
                let start = min(request.offset, bytes.count), end = min(bytes.count, request.offset + request.maxLength)
                return .init(data: bytes.subdata(in: start..<end), size: upload.size)
            }
        }
        router.on(IndicatorUploadContracts.Status.self) { [self] request, _ in
            try state.withLock { state in
                guard let upload = state.uploads[request.uploadId] else { throw ServiceError.notFound("no upload") }
                let received = upload.chunks.values.reduce(0) { $0 + $1.data.count }
                return .init(uploadId: request.uploadId, fileName: "", size: upload.size, received: received,
                             chunks: upload.chunks.count, parsedBytes: upload.parsedBytes, stagedValues: upload.stagedValues,
                             complete: received == upload.size)
            }
        }
        router.on(IndicatorUploadContracts.Progress.self) { [self] request, _ in
            try state.withLock { state in
                guard state.uploads[request.uploadId] != nil else { throw ServiceError.notFound("no upload") }
                state.uploads[request.uploadId]!.parsedBytes = request.parsedBytes
                state.uploads[request.uploadId]!.stagedValues = request.stagedValues
                state.progressWrites += 1
                return Empty()
            }
        }
        router.on(IndicatorUploadContracts.Delete.self) { [self] request, _ in
            state.withLock { state in .init(deleted: state.uploads.removeValue(forKey: request.uploadId) != nil) }
        }
        router.on(IndicatorStorageContracts.CommitImport.self) { [self] request, _ in
            try state.withLock { state in
                guard let staged = state.staged.removeValue(forKey: request.importId) else {
                    throw ServiceError.notFound("no import \(request.importId)")
                }
                var counts = IndicatorStorageContracts.Counts()
                for value in staged {
                    switch state.values[value.key] { case nil: counts.added += 1; case value?: counts.unchanged += 1; default: counts.changed += 1 }
                    state.values[value.key] = value
                }
                return counts
            }
        }
        router.on(IndicatorStorageContracts.AbortImport.self) { [self] request, _ in
            state.withLock { state in
                state.aborted += 1
                return .init(dropped: state.staged.removeValue(forKey: request.importId)?.count ?? 0)
            }
        }
        router.on(IndicatorStorageContracts.QueryValues.self) { [self] request, _ in
            state.withLock { state in
                .init(values: state.values.values.filter { value in
                    value.indicator == request.indicator
                        && (request.regions?.isEmpty ?? true || request.regions!.contains(value.region))
                        && request.fromYear.map { value.period.year >= $0 } ?? true
                        && request.toYear.map { value.period.year <= $0 } ?? true
                        && request.gender.map { value.gender == $0 } ?? true
                        && request.group.map { value.group == $0 } ?? true
                }.sorted { ($0.region, $0.period) < ($1.region, $1.period) })
            }
        }
        return router
    }
}
