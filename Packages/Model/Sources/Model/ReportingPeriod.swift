import Foundation

/// A reporting period: a year, a half-year or a quarter, written `2021`, `2021H1`, `2021Q3`.
public struct ReportingPeriod: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Which part of the year.
    public enum Part: Sendable, Hashable {
        case year
        case half(Int)
        case quarter(Int)
    }

    public var year: Int
    public var part: Part

    public init(year: Int, part: Part = .year) {
        self.year = year
        self.part = part
    }

    /// Parses `2021`, `2021H1`, `2021H2`, `2021Q1` … `2021Q4` (case-insensitive).
    public init(parsing text: String) throws(PeriodError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).uppercased()
        let digits = trimmed.prefix { $0.isNumber }
        guard digits.count == 4, let year = Int(digits), (1900...2200).contains(year) else {
            throw PeriodError(text: text, reason: "a period starts with a four-digit year, e.g. 2021, 2021H1 or 2021Q3")
        }
        let rest = trimmed.dropFirst(4)
        switch (rest.first, Int(rest.dropFirst())) {
        case (nil, _):
            self.init(year: year)
        case ("H", let half?) where rest.count == 2 && (1...2).contains(half):
            self.init(year: year, part: .half(half))
        case ("Q", let quarter?) where rest.count == 2 && (1...4).contains(quarter):
            self.init(year: year, part: .quarter(quarter))
        default:
            throw PeriodError(text: text, reason: "after the year comes nothing, H1–H2 or Q1–Q4")
        }
    }

    public var description: String {
        switch part {
        case .year: "\(year)"
        case .half(let half): "\(year)H\(half)"
        case .quarter(let quarter): "\(year)Q\(quarter)"
        }
    }

    /// The first and last month (1–12) the period covers.
    public var months: ClosedRange<Int> {
        switch part {
        case .year: 1...12
        case .half(let half): (half - 1) * 6 + 1...half * 6
        case .quarter(let quarter): (quarter - 1) * 3 + 1...quarter * 3
        }
    }

    /// Ordered by year, then by first month, then shorter periods first.
    public static func < (lhs: ReportingPeriod, rhs: ReportingPeriod) -> Bool {
        (lhs.year, lhs.months.lowerBound, lhs.months.count) < (rhs.year, rhs.months.lowerBound, rhs.months.count)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        do {
            try self.init(parsing: text)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// A period that could not be read, with what was wrong.
public struct PeriodError: Error, Sendable, Hashable, CustomStringConvertible {
    public var text: String
    public var reason: String
    public var description: String { "'\(text)' is not a reporting period: \(reason)" }
}
