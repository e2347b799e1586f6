import Crypto
import Foundation

/// How a voter is stored in a participatory-budgeting round: HMAC-SHA256 of the voter id keyed
/// with the round's secret. The same voter has the same key within a round (so a new ballot
/// replaces the old one) and unrelated keys in different rounds.
public enum VoterKey {
    /// A new random per-round secret of 32 bytes.
    public static func newSecret() -> Data {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// Lowercase hex of HMAC-SHA256(`secret`, UTF-8 of `voterId`).
    public static func derive(secret: Data, voterId: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(voterId.utf8), using: SymmetricKey(data: secret))
        return code.map { String(format: "%02x", $0) }.joined()
    }
}
