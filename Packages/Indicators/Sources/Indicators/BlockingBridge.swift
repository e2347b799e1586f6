import Foundation

/// Runs synchronous work — a parser pulling bytes — on a thread of its own, and lets that work
/// wait for asynchronous calls (bus requests) by blocking only that thread.
///
/// The parsers pull their input synchronously, while reading an upload and staging batches are
/// bus calls. Running the parser on the cooperative thread pool and blocking there would starve
/// the pool (two threads on a two-core machine); a dedicated thread may block.
enum BlockingBridge {
    /// Runs `body` on a new thread and returns its result; the caller's task is suspended, not blocked.
    static func run<T: Sendable>(name: String, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<T, any Error>) in
            let thread = Thread {
                do { continuation.resume(returning: try body()) } catch { continuation.resume(throwing: error) }
            }
            thread.name = name
            thread.stackSize = 4 << 20
            thread.start()
        }
    }

    /// Starts `operation` as a task and blocks the calling thread until it ends. Only for threads
    /// started by ``run(name:_:)``, never on the cooperative pool.
    static func wait<T: Sendable>(_ operation: @escaping @Sendable () async throws -> T) throws -> T {
        try PendingResult(operation).value()
    }
}

/// The result of a task, waited for by a thread that may block (see ``BlockingBridge``).
final class PendingResult<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private var result: Result<T, any Error>?

    /// Starts `operation` at once.
    init(_ operation: @escaping @Sendable () async throws -> T) {
        Task {
            let outcome: Result<T, any Error>
            do { outcome = .success(try await operation()) } catch { outcome = .failure(error) }
            self.finish(outcome)
        }
    }

    private func finish(_ outcome: Result<T, any Error>) {
        condition.lock()
        result = outcome
        condition.broadcast()
        condition.unlock()
    }

    /// Blocks until the task ends; its value or its error.
    func value() throws -> T {
        condition.lock()
        while result == nil { condition.wait() }
        let outcome = result!
        condition.unlock()
        return try outcome.get()
    }
}
