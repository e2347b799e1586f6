import Foundation

/// A clock for end-to-end tests and rehearsals: the time written in a file (ISO 8601, e.g.
/// `2025-03-01T12:00:00Z`), read on every call, so that a test moves a running service through
/// the phases of a budgeting round without waiting. The service uses it only when
/// `HYTE_PARTICIPATION_CLOCK_FILE` names the file; an unreadable file gives the real time.
public enum ParticipationFileClock {
    /// The environment variable naming the clock file.
    public static let environmentKey = "HYTE_PARTICIPATION_CLOCK_FILE"

    /// The clock of `path`.
    public static func clock(path: String) -> ParticipationClock {
        {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8),
                  let date = try? Date(text.trimmingCharacters(in: .whitespacesAndNewlines), strategy: .iso8601) else {
                return Date()
            }
            return date
        }
    }

    /// The file clock when the environment names one, the real time otherwise.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> ParticipationClock {
        guard let path = environment[environmentKey], !path.isEmpty else { return { Date() } }
        return clock(path: path)
    }
}
