import CZeroMQ
import Foundation
import BusCore

/// A libzmq context. Contexts are thread-safe, so one is shared by every socket of a process.
public final class ZMQContext: @unchecked Sendable {
    // libzmq documents zmq_ctx_* as thread-safe; this is the only shared handle.
    let handle: UnsafeMutableRawPointer

    public init() {
        handle = zmq_ctx_new()
    }

    deinit {
        zmq_ctx_term(handle)
    }

    /// One context for the whole process.
    public static let shared = ZMQContext()
}

/// The socket types Hyte uses.
enum ZMQSocketType {
    case router, dealer, req, rep

    var raw: Int32 {
        switch self {
        case .router: ZMQ_ROUTER
        case .dealer: ZMQ_DEALER
        case .req: ZMQ_REQ
        case .rep: ZMQ_REP
        }
    }
}

/// One libzmq socket. Not `Sendable`: a socket belongs to the thread that made it, for its whole life.
final class ZMQSocket {
    let handle: UnsafeMutableRawPointer
    private var isClosed = false

    init(context: ZMQContext, type: ZMQSocketType, linger: Duration = .milliseconds(100)) throws(BusError) {
        guard let handle = zmq_socket(context.handle, type.raw) else { throw ZMQSocket.lastError("zmq_socket") }
        self.handle = handle
        try setInt(ZMQ_LINGER, Int32(linger.milliseconds))
    }

    deinit { close() }

    /// Closes the socket; safe to call twice.
    func close() {
        guard !isClosed else { return }
        isClosed = true
        zmq_close(handle)
    }

    func setInt(_ option: Int32, _ value: Int32) throws(BusError) {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw ZMQSocket.lastError("zmq_setsockopt(\(option))")
        }
    }

    func bind(_ endpoint: String) throws(BusError) {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQSocket.lastError("bind \(endpoint)") }
    }

    func connect(_ endpoint: String) throws(BusError) {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQSocket.lastError("connect \(endpoint)") }
    }

    /// The endpoint actually bound, e.g. `tcp://127.0.0.1:41234` after binding port `*`.
    var lastEndpoint: String {
        var buffer = [CChar](repeating: 0, count: 256)
        var size = buffer.count
        zmq_getsockopt(handle, ZMQ_LAST_ENDPOINT, &buffer, &size)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Sends a multipart message. Returns false if it would block (DONTWAIT) or the peer is unroutable.
    @discardableResult
    func send(_ frames: [Data], dontWait: Bool = false) -> Bool {
        for (index, frame) in frames.enumerated() {
            var flags: Int32 = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            if dontWait { flags |= ZMQ_DONTWAIT }
            let rc = frame.withUnsafeBytes { raw -> Int32 in
                zmq_send(handle, raw.baseAddress, raw.count, flags)
            }
            if rc < 0 { return false }
        }
        return true
    }

    /// Receives one whole multipart message without blocking; nil if none is waiting.
    func receive() -> [Data]? {
        var frames: [Data] = []
        while true {
            var message = zmq_msg_t()
            zmq_msg_init(&message)
            defer { zmq_msg_close(&message) }
            let flags: Int32 = frames.isEmpty ? ZMQ_DONTWAIT : 0
            let size = zmq_msg_recv(&message, handle, flags)
            if size < 0 { return frames.isEmpty ? nil : frames }
            frames.append(Data(bytes: zmq_msg_data(&message), count: Int(size)))
            if zmq_msg_more(&message) == 0 { return frames }
        }
    }

    static func lastError(_ what: String) -> BusError {
        .transport("\(what): \(String(cString: zmq_strerror(zmq_errno())))")
    }
}

/// A Linux eventfd that wakes a socket thread's `zmq_poll` from any thread.
final class WakeUp: Sendable {
    let fd: Int32

    init() {
        fd = eventfd(0, Int32(EFD_NONBLOCK | EFD_CLOEXEC))
    }

    deinit { Foundation.close(fd) }

    /// Wakes the poller; callable from any thread.
    func signal() {
        var one: UInt64 = 1
        _ = Foundation.write(fd, &one, 8)
    }

    /// Clears pending signals; called by the owning thread after its poll returned.
    func drain() {
        var value: UInt64 = 0
        _ = Foundation.read(fd, &value, 8)
    }
}

/// Waits on sockets and file descriptors with a timeout.
enum Poller {
    /// Returns which items are readable. `timeout` nil waits forever.
    static func wait(sockets: [ZMQSocket], fds: [Int32], timeout: Duration?) -> (sockets: [Bool], fds: [Bool]) {
        var items = sockets.map { zmq_pollitem_t(socket: $0.handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0) }
        items += fds.map { zmq_pollitem_t(socket: nil, fd: $0, events: Int16(ZMQ_POLLIN), revents: 0) }
        let ms: Int = timeout.map { max(0, Int($0.milliseconds)) } ?? -1
        let rc = zmq_poll(&items, Int32(items.count), ms)
        if rc <= 0 { return (Array(repeating: false, count: sockets.count), Array(repeating: false, count: fds.count)) }
        let ready = items.map { ($0.revents & Int16(ZMQ_POLLIN)) != 0 }
        return (Array(ready[0..<sockets.count]), Array(ready[sockets.count...]))
    }
}

extension Duration {
    /// Whole milliseconds, rounded up so that a poll never wakes before a deadline.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    }
}

extension ContinuousClock.Instant {
    /// Time from `now` until this instant, never negative.
    func remaining(from now: ContinuousClock.Instant) -> Duration {
        self > now ? now.duration(to: self) : .zero
    }
}
