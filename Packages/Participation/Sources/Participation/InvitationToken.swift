import Crypto
import Foundation

/// One-time invitation tokens of a survey: random, shown once, stored only as their SHA-256 hash.
public enum InvitationToken {
    /// A new random token: 32 bytes from the system's secure generator, base64url without padding.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// The stored form of `token`: lowercase hex of SHA-256 over its UTF-8 bytes.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
