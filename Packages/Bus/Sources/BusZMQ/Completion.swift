import Synchronization

/// A one-shot event that async code can wait for and any thread can signal.
final class Completion: Sendable {
    private let state = Mutex<(done: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    /// Marks the event done and wakes every waiter.
    func finish() {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            state.done = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    var isDone: Bool { state.withLock { $0.done } }

    /// Returns once `finish` was called.
    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.done { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}

/// A queue that any thread may push to and one owner thread drains.
final class Mailbox<Element: Sendable>: Sendable {
    private let items = Mutex<[Element]>([])

    func push(_ item: Element) { items.withLock { $0.append(item) } }

    func drain() -> [Element] { items.withLock { items in defer { items = [] }; return items } }
}
