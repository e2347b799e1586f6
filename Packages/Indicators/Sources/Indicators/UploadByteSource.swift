import BusCore
import Foundation
import Model

/// The bytes of a file uploaded to storage, read with `indicator.upload.read` one piece at a time while
/// the next piece is already being fetched: at most two pieces are held, whatever the file's size.
///
/// For a thread started by ``BlockingBridge`` only: ``nextChunk()`` blocks until its piece arrives.
/// A failed read ends the input; ``failure`` then holds the error, which the importer reports
/// instead of the parser's "unexpected end".
final class UploadByteSource: @unchecked Sendable {
    let uploadId: String
    let size: Int
    let pieceSize: Int
    private let read: @Sendable (Int) async throws -> Data
    private var offset = 0
    private var pending: PendingResult<Data>?
    /// The error of the read that ended the input early.
    private(set) var failure: (any Error)?
    /// Bytes handed to the parser so far.
    private(set) var delivered = 0

    /// A source reading `indicator.upload.read` over `bus`.
    convenience init(bus: any BusClient, headers: RequestHeaders, uploadId: String, size: Int,
                     pieceSize: Int = IndicatorUploadContracts.defaultChunkSize) {
        self.init(uploadId: uploadId, size: size, pieceSize: pieceSize) { offset in
            try await bus.call(IndicatorUploadContracts.Read.self, .init(uploadId: uploadId, offset: offset, maxLength: pieceSize),
                               headers: headers.fresh(), options: RequestOptions(timeout: .seconds(30), retries: 2)).data
        }
    }

    init(uploadId: String, size: Int, pieceSize: Int, read: @escaping @Sendable (Int) async throws -> Data) {
        self.uploadId = uploadId
        self.size = size
        self.pieceSize = max(1, pieceSize)
        self.read = read
    }

    /// The next piece, or nil at the end (or after a failed read).
    func nextChunk() -> [UInt8]? {
        guard failure == nil, offset < size else { return nil }
        let current = pending ?? fetch(offset)
        pending = nil
        let data: Data
        do { data = try current.value() } catch {
            failure = error
            return nil
        }
        guard !data.isEmpty else {
            failure = ServiceError(.conflict, code: "upload_incomplete",
                                   "the upload '\(uploadId)' ends at byte \(offset) of \(size)")
            return nil
        }
        offset += data.count
        delivered = offset
        if offset < size { pending = fetch(offset) }
        return [UInt8](data)
    }

    /// A byte iterator for the parsers.
    func makeIterator() -> ChunkedByteIterator {
        ChunkedByteIterator { [self] in nextChunk() }
    }

    private func fetch(_ offset: Int) -> PendingResult<Data> {
        let read = self.read
        return PendingResult { try await read(offset) }
    }
}
