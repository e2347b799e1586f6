import Foundation

/// The `storage` service's file uploads: a file sent in chunks that every storage worker sees
/// (the chunks are rows of the database), read back in pieces by the indicators service while it
/// imports the file, with the import's progress written next to it. And the staging of located
/// values, whose duplicate check lives in the staging table so that it does not grow in memory.
/// `docs/protocol/indicators.md` describes each operation.
public enum IndicatorUploadContracts {
    /// The default size of one chunk (1 MiB).
    public static let defaultChunkSize = 1 << 20
    /// The largest chunk or read storage accepts (8 MiB).
    public static let maximumChunkSize = 8 << 20

    /// `indicator.upload.begin`: opens an upload of `size` bytes; uploads older than a day are removed.
    public struct Begin: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.upload.begin"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            /// The file's name (for messages).
            public var fileName: String
            /// The file's size in bytes.
            public var size: Int
            public init(fileName: String, size: Int) {
                self.fileName = fileName
                self.size = size
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var uploadId: String
            /// Stale uploads removed.
            public var removedStale: Int
            public init(uploadId: String, removedStale: Int = 0) {
                self.uploadId = uploadId
                self.removedStale = removedStale
            }
        }
    }

    /// `indicator.upload.chunk`: stores chunk `seq` (from 0) at byte `offset`. Idempotent per `seq`: a chunk
    /// sent again is not stored twice (different bytes for a stored `seq` are a 409).
    public struct Chunk: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.upload.chunk"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var uploadId: String
            public var seq: Int
            /// Where the chunk starts in the file.
            public var offset: Int
            /// The bytes (base64 in JSON).
            public var data: Data
            public init(uploadId: String, seq: Int, offset: Int, data: Data) {
                self.uploadId = uploadId
                self.seq = seq
                self.offset = offset
                self.data = data
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            /// Bytes stored so far.
            public var received: Int
            public init(received: Int) { self.received = received }
        }
    }

    /// `indicator.upload.read`: up to `maxLength` bytes from `offset`; fewer (or none) only at the end of the file.
    public struct Read: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.upload.read"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var uploadId: String
            public var offset: Int
            public var maxLength: Int
            public init(uploadId: String, offset: Int, maxLength: Int = IndicatorUploadContracts.defaultChunkSize) {
                self.uploadId = uploadId
                self.offset = offset
                self.maxLength = maxLength
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var data: Data
            /// The file's size.
            public var size: Int
            public init(data: Data, size: Int) {
                self.data = data
                self.size = size
            }
        }
    }

    /// `indicator.upload.progress`: the importer's figures so far (written after each batch).
    public struct Progress: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.upload.progress"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var uploadId: String
            /// Bytes of the file parsed so far.
            public var parsedBytes: Int
            /// Values staged so far.
            public var stagedValues: Int
            public init(uploadId: String, parsedBytes: Int, stagedValues: Int) {
                self.uploadId = uploadId
                self.parsedBytes = parsedBytes
                self.stagedValues = stagedValues
            }
        }
        public typealias Response = Empty
    }

    /// `indicator.upload.status`: how far the upload and its import are.
    public struct Status: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.upload.status"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var uploadId: String
            public init(uploadId: String) { self.uploadId = uploadId }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var uploadId: String
            public var fileName: String
            /// The file's size.
            public var size: Int
            /// Bytes stored.
            public var received: Int
            /// Chunks stored.
            public var chunks: Int
            /// Bytes the importer has parsed.
            public var parsedBytes: Int
            /// Values the importer has staged.
            public var stagedValues: Int
            /// True when every byte is stored, in contiguous chunks.
            public var complete: Bool
            public init(uploadId: String, fileName: String, size: Int, received: Int, chunks: Int, parsedBytes: Int,
                        stagedValues: Int, complete: Bool) {
                self.uploadId = uploadId
                self.fileName = fileName
                self.size = size
                self.received = received
                self.chunks = chunks
                self.parsedBytes = parsedBytes
                self.stagedValues = stagedValues
                self.complete = complete
            }
        }
    }

    /// `indicator.upload.delete`: removes an upload and its chunks; deleting a missing upload is not an error.
    public struct Delete: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.upload.delete"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var uploadId: String
            public init(uploadId: String) { self.uploadId = uploadId }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var deleted: Bool
            public init(deleted: Bool) { self.deleted = deleted }
        }
    }

    /// A value with where it was read in its file.
    public struct LocatedValue: Codable, Sendable, Hashable {
        public var value: IndicatorValue
        /// The line, from 1, where known.
        public var line: Int?
        /// The JSON path, where known.
        public var path: String?
        public init(value: IndicatorValue, line: Int? = nil, path: String? = nil) {
            self.value = value
            self.line = line
            self.path = path
        }
    }

    /// `indicator.import.rows`: stages located values of an open import. The same key at a
    /// different location of the file (in this batch or an earlier one) is a 409 `duplicate_row`
    /// whose details name both (`line`/`path` and `earlierLine`/`earlierPath`) and the key
    /// (`indicator`, `region`, `period`, `gender`, `group`); the same key at the same location
    /// (a batch sent again) is staged once. The reply's `staged` counts the rows this batch added.
    public struct StageRows: Contract {
        public static let service = ServiceName.storage
        public static let operation = "indicator.import.rows"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var importId: String
            public var rows: [LocatedValue]
            public init(importId: String, rows: [LocatedValue]) {
                self.importId = importId
                self.rows = rows
            }
        }
        public typealias Response = IndicatorStorageContracts.StageBatch.Response
    }
}
