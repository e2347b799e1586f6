import Foundation

/// The unit an indicator's value is measured in.
///
/// Encoded as a string: `percent`, `count`, `per-thousand`, `per-ten-thousand`,
/// `per-hundred-thousand`, `days`, `euro`, or `other:<label>` for anything else (e.g. `other:index`).
public enum IndicatorUnit: Sendable, Hashable, Codable, CustomStringConvertible {
    /// A share in per cent (%).
    case percent
    /// A number of persons, events or clients (lkm).
    case count
    /// Per 1 000 of the reference population (‰).
    case perThousand
    /// Per 10 000 of the reference population.
    case perTenThousand
    /// Per 100 000 of the reference population.
    case perHundredThousand
    /// Days (pv).
    case days
    /// Euros (€).
    case euro
    /// Any other unit, with the label shown after the value.
    case other(String)

    /// The encoded form, e.g. `per-thousand` or `other:index`.
    public var description: String {
        switch self {
        case .percent: "percent"
        case .count: "count"
        case .perThousand: "per-thousand"
        case .perTenThousand: "per-ten-thousand"
        case .perHundredThousand: "per-hundred-thousand"
        case .days: "days"
        case .euro: "euro"
        case .other(let label): "other:\(label)"
        }
    }

    /// Reads the encoded form; also accepts the symbols `%`, `‰`, `lkm`, `pv` and `€`.
    public init?(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespaces) {
        case "percent", "%": self = .percent
        case "count", "lkm": self = .count
        case "per-thousand", "‰", "/1000": self = .perThousand
        case "per-ten-thousand", "/10000": self = .perTenThousand
        case "per-hundred-thousand", "/100000": self = .perHundredThousand
        case "days", "pv": self = .days
        case "euro", "€", "eur": self = .euro
        case let other where other.hasPrefix("other:") && other.count > 6: self = .other(String(other.dropFirst(6)))
        default: return nil
        }
    }

    /// The symbol written after a value, e.g. `%`, `‰`, `/ 100 000`, `€`; empty for a count.
    public var symbol: String {
        switch self {
        case .percent: "%"
        case .count: ""
        case .perThousand: "‰"
        case .perTenThousand: "/ 10 000"
        case .perHundredThousand: "/ 100 000"
        case .days: "pv"
        case .euro: "€"
        case .other(let label): label
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let unit = IndicatorUnit(parsing: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "'\(text)' is not a unit; expected percent, count, per-thousand, per-ten-thousand, per-hundred-thousand, days, euro or other:<label>"))
        }
        self = unit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
