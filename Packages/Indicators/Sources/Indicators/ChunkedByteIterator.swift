import Foundation

/// Bytes pulled chunk by chunk from a source of chunks: a file, a socket, a test generator.
///
/// It holds one chunk at a time, so memory does not grow with the input.
public struct ChunkedByteIterator: IteratorProtocol {
    private var nextChunk: () -> [UInt8]?
    private var chunk: [UInt8] = []
    private var index = 0

    /// Bytes from `nextChunk`, called whenever the previous chunk is used up; nil ends the input.
    /// An empty chunk is skipped.
    public init(nextChunk: @escaping () -> [UInt8]?) {
        self.nextChunk = nextChunk
    }

    /// Bytes read from `handle`, `chunkSize` bytes at a time (default 64 KiB); the handle is
    /// closed at the end. A read error ends the input, so the parser reports an unexpected end
    /// of the file rather than a value from a partial read.
    public init(reading handle: FileHandle, chunkSize: Int = 65_536) {
        let size = max(1, chunkSize)
        self.init {
            guard let data = try? handle.read(upToCount: size), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return [UInt8](data)
        }
    }

    /// The next byte, or nil at the end of the input.
    public mutating func next() -> UInt8? {
        while index >= chunk.count {
            guard let fresh = nextChunk() else { return nil }
            chunk = fresh
            index = 0
        }
        defer { index += 1 }
        return chunk[index]
    }
}
