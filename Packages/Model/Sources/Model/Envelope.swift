import Foundation

/// Who is asking: carried in every request's headers so that a service can authorise and audit.
public struct Actor: Codable, Sendable, Hashable {
    /// A stable identifier of the person or system, e.g. `coordinator@loviisa.fi` or `hyte-cli`.
    public var id: String
    /// Roles such as `coordinator`, `responsible`, `decision-maker`, `operator`.
    public var roles: [String]
    /// Organisation ids the actor may act for; empty means no organisation scope.
    public var organisations: [String]

    public init(id: String, roles: [String] = [], organisations: [String] = []) {
        self.id = id
        self.roles = roles
        self.organisations = organisations
    }

    /// The actor used by local command-line use when nobody else is named.
    public static let localOperator = Actor(id: "local-operator", roles: ["operator"])
}

/// The headers frame of a request (frame 1 of the body), JSON-encoded.
public struct RequestHeaders: Codable, Sendable, Hashable {
    /// Identifies the request end to end; repeating a change with the same id applies it once.
    public var requestId: String
    /// Who asks.
    public var actor: Actor?
    /// After this instant nobody waits for the answer any more.
    public var deadline: Date?
    /// The version of the operation's contract the client speaks.
    public var contractVersion: Int?

    public init(requestId: String = UUID().uuidString, actor: Actor? = nil, deadline: Date? = nil, contractVersion: Int? = nil) {
        self.requestId = requestId
        self.actor = actor
        self.deadline = deadline
        self.contractVersion = contractVersion
    }
}

/// The headers frame of a reply (frame 1 of the body), JSON-encoded. It lets a client with many
/// requests in flight match each reply to its request.
public struct ReplyHeaders: Codable, Sendable, Hashable {
    public var requestId: String
    public init(requestId: String) { self.requestId = requestId }
}

/// The payload of every reply whose status is not 2xx: something a person can act on.
public struct ErrorBody: Codable, Sendable, Hashable, Error {
    /// A stable machine-readable code such as `bad_request`, `unknown_operation`, `conflict`.
    public var code: String
    /// A sentence a person can act on.
    public var message: String
    /// Optional structured detail (a field path, a record id, a line number …).
    public var details: [String: String]?

    public init(code: String, message: String, details: [String: String]? = nil) {
        self.code = code
        self.message = message
        self.details = details
    }
}

/// Reply status codes, modelled on HTTP.
public enum Status: Int, Codable, Sendable {
    case ok = 200
    case created = 201
    case badRequest = 400
    case forbidden = 403
    case notFound = 404
    case conflict = 409
    case internalError = 500
    case notImplemented = 501
    case serviceUnavailable = 503
    case timeout = 504

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(rawValue) }
}
