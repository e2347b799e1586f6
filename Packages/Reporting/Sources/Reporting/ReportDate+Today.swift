import Foundation

extension ReportDate {
    /// Today's date in Finland (Europe/Helsinki), the day a report made now is dated.
    public static func today(_ now: Date = Date()) -> ReportDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki") ?? .current
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return ReportDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
