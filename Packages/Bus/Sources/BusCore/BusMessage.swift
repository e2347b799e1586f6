import Foundation
import Model

/// A request as it travels in the Majordomo body: `[operation][headers][payload]`.
public struct BusRequest: Sendable, Hashable {
    public var operation: String
    public var headers: RequestHeaders
    public var payload: Data

    public init(operation: String, headers: RequestHeaders = RequestHeaders(), payload: Data = Data()) {
        self.operation = operation
        self.headers = headers
        self.payload = payload
    }

    /// The body frames of this request.
    public func frames() -> [Data] {
        [Data(operation.utf8), (try? JSONCoding.encoder.encode(headers)) ?? Data("{}".utf8), payload]
    }

    /// Decodes body frames; throws an `ErrorBody` that says what was wrong.
    public init(frames: [Data]) throws(ErrorBody) {
        guard frames.count == 3 else {
            throw ErrorBody(code: "malformed_request",
                            message: "a request body has 3 frames [operation][headers][payload], this one has \(frames.count)")
        }
        guard let operation = String(data: frames[0], encoding: .utf8), !operation.isEmpty else {
            throw ErrorBody(code: "malformed_request", message: "frame 0 (operation) is empty or not UTF-8")
        }
        let headers: RequestHeaders
        do {
            headers = try JSONCoding.decoder.decode(RequestHeaders.self, from: frames[1])
        } catch {
            throw ErrorBody(code: "malformed_headers",
                            message: "frame 1 (headers) is not valid request headers JSON: \(JSONCoding.describe(error))")
        }
        self.init(operation: operation, headers: headers, payload: frames[2])
    }
}

/// A reply as it travels in the Majordomo body: `[status][headers][payload]`.
public struct BusReply: Sendable, Hashable {
    public var status: Int
    public var headers: ReplyHeaders
    public var payload: Data

    public init(status: Int, headers: ReplyHeaders, payload: Data) {
        self.status = status
        self.headers = headers
        self.payload = payload
    }

    /// An error reply whose payload is `error` as JSON.
    public init(status: Status, requestId: String, error: ErrorBody) {
        self.init(status: status.rawValue, headers: ReplyHeaders(requestId: requestId),
                  payload: (try? JSONCoding.encoder.encode(error)) ?? Data())
    }

    /// True for 2xx.
    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The body frames of this reply.
    public func frames() -> [Data] {
        [Data(String(status).utf8), (try? JSONCoding.encoder.encode(headers)) ?? Data("{}".utf8), payload]
    }

    /// Decodes body frames; throws `BusError.malformedReply` if they are not a Hyte reply.
    public init(frames: [Data]) throws(BusError) {
        guard frames.count == 3,
              let statusText = String(data: frames[0], encoding: .utf8), let status = Int(statusText),
              let headers = try? JSONCoding.decoder.decode(ReplyHeaders.self, from: frames[1])
        else {
            throw BusError.malformedReply("expected [status][headers][payload], got \(frames.count) frame(s)")
        }
        self.init(status: status, headers: headers, payload: frames[2])
    }

    /// The error carried by a non-2xx reply, or a generic one if the payload is not an `ErrorBody`.
    public var error: ErrorBody {
        (try? JSONCoding.decoder.decode(ErrorBody.self, from: payload))
            ?? ErrorBody(code: "status_\(status)", message: String(data: payload, encoding: .utf8) ?? "status \(status)")
    }
}

/// The JSON coders used on the wire: ISO 8601 dates, sorted keys for stable output.
public enum JSONCoding {
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// A one-line description of a decoding error that names the JSON path and the field.
    public static func describe(_ error: any Error) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "$" : "$" + text
        }
        guard let error = error as? DecodingError else { return String(describing: error) }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): required field '\(key.stringValue)' is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type) — \(context.debugDescription)"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type) but found null"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return "\(path(context.codingPath)): \(underlying ?? context.debugDescription)"
        @unknown default:
            return String(describing: error)
        }
    }
}
