import Foundation

extension ActionStatus {
    /// The status word in Finnish, Swedish and English, as reports print it.
    public var label: LocalizedText {
        switch self {
        case .notStarted: LocalizedText(fi: "ei aloitettu", sv: "inte påbörjad", en: "not started")
        case .inProgress: LocalizedText(fi: "käynnissä", sv: "pågår", en: "in progress")
        case .done: LocalizedText(fi: "toteutunut", sv: "genomförd", en: "done")
        case .notDone: LocalizedText(fi: "ei toteutunut", sv: "inte genomförd", en: "not done")
        case .postponed: LocalizedText(fi: "siirtynyt", sv: "uppskjuten", en: "postponed")
        case .cancelled: LocalizedText(fi: "peruttu", sv: "inställd", en: "cancelled")
        }
    }

    /// A symbol that carries the status without colour.
    public var symbol: String {
        switch self {
        case .notStarted: "○"
        case .inProgress: "◐"
        case .done: "●"
        case .notDone: "✕"
        case .postponed: "→"
        case .cancelled: "–"
        }
    }
}

extension PlanDocument {
    /// The current status report of each item for `period`: the last one given for it.
    public func currentStatus(for period: ReportingPeriod) -> [String: StatusReport] {
        var current: [String: StatusReport] = [:]
        for report in statusReports where report.period == period { current[report.item] = report }
        return current
    }
}
