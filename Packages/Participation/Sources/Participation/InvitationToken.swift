import Crypto
import Foundation

/// One-time invitation tokens of a survey: random, shown once, stored only as their SHA-256 hash.
public enum InvitationToken {
    /// A new random token: 32 bytes from the system's secure generator, base64url without padding.
    /// Never starts with `-` (drawn again, 1 time in 64), so that a command line such as
    /// `hyte survey answer … --token TOKEN` takes it as a value and not as an option.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        while true {
            let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
            let token = Data(bytes).base64EncodedString()
                .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            if !token.hasPrefix("-") { return token }
        }
    }

    /// The stored form of `token`: lowercase hex of SHA-256 over its UTF-8 bytes.
    public static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
