#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// An exclusive `flock` on `PATH.lock`, held for as long as this value lives.
///
/// SQLite allows one writer; Hyte allows one storage process per database file so that its
/// idempotency and audit rules hold. The lock is taken without blocking: if another process (or
/// another open of the same file in this process — `flock` belongs to the open file description)
/// holds it, ``acquire(lockPath:databasePath:)`` throws at once. The holder's pid is written into
/// the file so that the refusal can name it.
final class DatabaseFileLock: Sendable {
    /// The path of the lock file.
    let path: String
    private let descriptor: Int32

    private init(path: String, descriptor: Int32) {
        self.path = path
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }

    /// Takes the lock or throws ``StorageSetupError`` with code `database_in_use`.
    static func acquire(lockPath: String, databasePath: String) throws(StorageSetupError) -> DatabaseFileLock {
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw StorageSetupError(code: "cannot_lock",
                                    message: "cannot open the lock file \(lockPath): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let reason = errno
            close(descriptor)
            if reason == EWOULDBLOCK {
                throw .databaseInUse(path: databasePath, lockPath: lockPath, pid: readPid(lockPath))
            }
            throw StorageSetupError(code: "cannot_lock",
                                    message: "cannot lock \(lockPath): \(String(cString: strerror(reason)))")
        }
        let lock = DatabaseFileLock(path: lockPath, descriptor: descriptor)
        lock.writePid(getpid())
        return lock
    }

    /// Replaces the file's content with `pid`; a failure only costs the pid in a later message.
    private func writePid(_ pid: Int32) {
        guard ftruncate(descriptor, 0) == 0 else { return }
        let bytes = Array("\(pid)\n".utf8)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// The pid written by the holder of the lock, if the file is readable and holds one.
    private static func readPid(_ lockPath: String) -> Int32? {
        guard let data = FileManager.default.contents(atPath: lockPath) else { return nil }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Int32(text)
    }
}
