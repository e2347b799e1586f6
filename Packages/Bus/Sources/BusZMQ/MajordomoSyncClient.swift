import BusCore
import CZeroMQ
import Foundation

/// A synchronous Majordomo 0.1 client on a REQ socket: one request at a time, on the caller's
/// thread. On timeout it closes the socket, opens a new one and sends again (the Lazy Pirate
/// pattern), a bounded number of times. Not `Sendable`: it belongs to the thread that made it.
public final class MajordomoSyncClient {
    public let endpoint: String
    private let context: ZMQContext
    private var socket: ZMQSocket

    public init(endpoint: String, context: ZMQContext = .shared) throws {
        self.endpoint = endpoint
        self.context = context
        self.socket = try ZMQSocket(context: context, type: .req, linger: .zero)
        try socket.connect(endpoint)
    }

    deinit {
        // Close before the context is released: terminating a context waits for its sockets.
        socket.close()
    }

    /// Sends `body` to `service` and returns the reply body.
    public func send(service: String, body: [Data], options: RequestOptions = RequestOptions()) throws -> [Data] {
        var attempts = 0
        while true {
            attempts += 1
            socket.send([MDP.clientHeader, Data(service.utf8)] + body)
            let ready = Poller.wait(sockets: [socket], fds: [], timeout: options.timeout)
            if ready.sockets[0], let frames = socket.receive() {
                guard frames.count >= 3, frames[0] == MDP.clientHeader else {
                    throw BusError.malformedReply("reply with \(frames.count) frame(s)")
                }
                return Array(frames[2...])
            }
            socket.close()
            socket = try ZMQSocket(context: context, type: .req, linger: .zero)
            try socket.connect(endpoint)
            if attempts > options.retries {
                throw BusError.timeout(service: service, operation: "", attempts: attempts)
            }
        }
    }

    /// Sends a Hyte request and decodes the reply.
    public func request(service: String, _ request: BusRequest, options: RequestOptions = RequestOptions()) throws -> BusReply {
        try BusReply(frames: send(service: service, body: request.frames(), options: options))
    }
}
