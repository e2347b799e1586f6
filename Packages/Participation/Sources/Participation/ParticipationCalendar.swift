import Foundation
import Model

/// Dates of participation records are read in Finnish time (Europe/Helsinki): an event on
/// 31 December at 23:30 Finnish time belongs to that year.
public enum ParticipationCalendar {
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki") ?? .gmt
        return calendar
    }()

    /// The year of `date` in Finnish time.
    public static func year(of date: Date) -> Int { calendar.component(.year, from: date) }

    /// The year and month (1–12) of `date` in Finnish time.
    public static func yearAndMonth(of date: Date) -> (year: Int, month: Int) {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return (parts.year ?? 0, parts.month ?? 1)
    }

    /// True when `date` falls in `period` in Finnish time.
    public static func period(_ period: ReportingPeriod, contains date: Date) -> Bool {
        let parts = calendar.dateComponents([.year, .month], from: date)
        return parts.year == period.year && period.months.contains(parts.month ?? 0)
    }
}
