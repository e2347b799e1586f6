import Foundation

/// Constants of the Majordomo Protocol 0.1 (ZeroMQ RFC 7) and the Management Interface (RFC 8).
public enum MDP {
    /// Frame 1 of every client command.
    public static let clientHeader = Data("MDPC01".utf8)
    /// Frame 1 of every worker command.
    public static let workerHeader = Data("MDPW01".utf8)

    /// The one-byte worker commands.
    public enum Command: UInt8, Sendable, CaseIterable {
        case ready = 0x01
        case request = 0x02
        case reply = 0x03
        case heartbeat = 0x04
        case disconnect = 0x05

        /// The command as a frame.
        public var frame: Data { Data([rawValue]) }
    }

    /// Frames of a worker command without the identity frame: `[empty][MDPW01][command]…`.
    public static func workerCommand(_ command: Command, _ rest: [Data] = []) -> [Data] {
        [Data(), workerHeader, command.frame] + rest
    }
}

/// The Majordomo Management Interface services answered by the broker itself.
public enum MMI {
    /// The namespace reserved for the broker.
    public static let prefix = "mmi."
    /// RFC 8: "200" if a worker for the named service is registered, "404" if none.
    public static let service = "mmi.service"
    /// A Hyte extension: every known service with worker and queue counts, as JSON.
    public static let services = "mmi.services"
}
