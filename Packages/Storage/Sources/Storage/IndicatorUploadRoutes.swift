import BusCore
import Foundation
import Model

/// A staged value with where it was read: `line 12` or a JSON path (empty when unknown).
struct LocatedIndicatorRow: Sendable, Hashable {
    var row: IndicatorValueRow
    var line: Int?
    var location: String

    /// The staging key within an import.
    var key: [String] { [row.indicator, row.region, row.period, row.gender, row.group] }
}

/// What `indicator.upload.status` reads of an upload.
struct UploadRecord: Sendable, Hashable {
    var fileName: String
    var size: Int
    var received: Int
    var chunks: Int
    var parsedBytes: Int
    var stagedValues: Int
}

/// The `indicator.upload.*` operations and `indicator.import.rows`, registered by ``IndicatorRoutes``.
enum IndicatorUploadRoutes {
    /// How long an upload is kept when nobody deletes it.
    static let staleAfter: TimeInterval = 24 * 3600

    static func add(to router: inout Router, backend: any IndicatorBackend, now: @escaping @Sendable () -> Date) {
        router.on(IndicatorUploadContracts.Begin.self) { request, context in
            guard request.size >= 0 else { throw ServiceError.badRequest("an upload's size must not be negative") }
            let id = UUID().uuidString.lowercased()
            let origin = ChangeOrigin(requestId: context.headers.requestId, actorId: context.actor.id)
            let instant = now()
            let removed = try await backend.beginUpload(id: id, fileName: request.fileName, size: request.size, origin: origin,
                                                        at: instant, staleBefore: instant.addingTimeInterval(-staleAfter))
            if removed > 0 { context.logger.info("stale uploads removed", metadata: ["uploads": "\(removed)"]) }
            return .init(uploadId: id, removedStale: removed)
        }
        router.on(IndicatorUploadContracts.Chunk.self) { request, _ in
            guard request.seq >= 0, request.offset >= 0 else {
                throw ServiceError.badRequest("a chunk's seq and offset must not be negative")
            }
            guard request.data.count <= IndicatorUploadContracts.maximumChunkSize else {
                throw ServiceError.badRequest("a chunk holds at most \(IndicatorUploadContracts.maximumChunkSize) bytes; "
                                              + "this one has \(request.data.count)")
            }
            return .init(received: try await backend.putUploadChunk(id: request.uploadId, seq: request.seq, offset: request.offset,
                                                                    data: request.data))
        }
        router.on(IndicatorUploadContracts.Read.self) { request, _ in
            guard request.offset >= 0, request.maxLength > 0, request.maxLength <= IndicatorUploadContracts.maximumChunkSize else {
                throw ServiceError.badRequest("indicator.upload.read needs an offset ≥ 0 and a length of 1 to "
                                              + "\(IndicatorUploadContracts.maximumChunkSize) bytes")
            }
            let (data, size) = try await backend.readUpload(id: request.uploadId, offset: request.offset,
                                                            maxLength: request.maxLength)
            return .init(data: data, size: size)
        }
        router.on(IndicatorUploadContracts.Progress.self) { request, _ in
            try await backend.recordUploadProgress(id: request.uploadId, parsedBytes: request.parsedBytes,
                                                   stagedValues: request.stagedValues)
            return Empty()
        }
        router.on(IndicatorUploadContracts.Status.self) { request, _ in
            guard let record = try await backend.uploadStatus(id: request.uploadId) else { throw uploadNotFound(request.uploadId) }
            return .init(uploadId: request.uploadId, fileName: record.fileName, size: record.size, received: record.received,
                         chunks: record.chunks, parsedBytes: record.parsedBytes, stagedValues: record.stagedValues,
                         complete: record.received == record.size)
        }
        router.on(IndicatorUploadContracts.Delete.self) { request, _ in
            .init(deleted: try await backend.deleteUpload(id: request.uploadId))
        }
        router.on(IndicatorUploadContracts.StageRows.self) { request, _ in
            let rows = try IndicatorValueRow.validated(request.rows.map(\.value))
            var located: [LocatedIndicatorRow] = []
            located.reserveCapacity(rows.count)
            for (index, row) in rows.enumerated() {
                let source = request.rows[index]
                located.append(LocatedIndicatorRow(row: row, line: source.line,
                                                   location: IndicatorUploadSchema.location(line: source.line, path: source.path)))
            }
            return .init(staged: try await backend.stageLocatedIndicatorValues(importId: request.importId,
                                                                               rows: try withinBatch(located)))
        }
    }

    /// The batch without values sent twice from the same location; a key given again at
    /// another location is a `duplicate_row`.
    static func withinBatch(_ rows: [LocatedIndicatorRow]) throws -> [LocatedIndicatorRow] {
        var seen: [[String]: LocatedIndicatorRow] = [:]
        var kept: [LocatedIndicatorRow] = []
        kept.reserveCapacity(rows.count)
        for row in rows {
            if let earlier = seen[row.key] {
                if earlier.location == row.location && !row.location.isEmpty { continue }
                throw duplicate(row, earlierLine: earlier.line, earlierLocation: earlier.location)
            }
            seen[row.key] = row
            kept.append(row)
        }
        return kept
    }

    /// Whether a staged row found under `row`'s key is `row` sent again (nil) or a duplicate (the error).
    static func conflict(_ row: LocatedIndicatorRow, stagedLine: Int?, stagedLocation: String?) -> ServiceError? {
        if let stagedLocation, stagedLocation == row.location, !row.location.isEmpty { return nil }
        return duplicate(row, earlierLine: stagedLine, earlierLocation: stagedLocation ?? "")
    }

    /// The 409 `duplicate_row` naming the key and both locations.
    static func duplicate(_ row: LocatedIndicatorRow, earlierLine: Int?, earlierLocation: String) -> ServiceError {
        let value = row.row
        var details = ["indicator": value.indicator, "region": value.region, "period": value.period, "gender": value.gender]
        if !value.group.isEmpty { details["group"] = value.group }
        if let line = row.line { details["line"] = String(line) }
        if !row.location.isEmpty { details["location"] = row.location }
        if let earlierLine { details["earlierLine"] = String(earlierLine) }
        if !earlierLocation.isEmpty { details["earlierLocation"] = earlierLocation }
        let group = value.group.isEmpty ? "" : ", group \(value.group)"
        return ServiceError(.conflict, code: "duplicate_row",
                            "indicator \(value.indicator), region \(value.region), period \(value.period), gender \(value.gender)"
                                + "\(group) at \(row.location.isEmpty ? "an unknown location" : row.location) was already given at "
                                + (earlierLocation.isEmpty ? "an earlier row" : earlierLocation),
                            details: details)
    }

    static func uploadNotFound(_ id: String) -> ServiceError {
        ServiceError.notFound("no upload '\(id)'", details: ["uploadId": id])
    }

    /// The bytes `[offset, offset + maxLength)` cut from chunks `(byte_offset, data)` ordered by
    /// offset; a gap before the end of the file is a 409 (the upload is incomplete).
    static func assemble(_ chunks: [(offset: Int, data: Data)], id: String, offset: Int, maxLength: Int, size: Int) throws -> Data {
        let end = min(size, offset + maxLength)
        guard offset < end else { return Data() }
        var result = Data()
        result.reserveCapacity(end - offset)
        var position = offset
        for chunk in chunks where chunk.offset <= position && chunk.offset + chunk.data.count > position {
            let from = position - chunk.offset
            let to = min(chunk.data.count, end - chunk.offset)
            let start = chunk.data.startIndex
            result.append(chunk.data[(start + from)..<(start + to)])
            position = chunk.offset + to
            if position >= end { break }
        }
        guard position >= end else {
            throw ServiceError.conflict("the upload '\(id)' has no bytes at offset \(position) of \(size); it is incomplete",
                                        details: ["uploadId": id, "offset": String(position)])
        }
        return result
    }
}
