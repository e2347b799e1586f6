import Model

/// What a `ReportIndicatorSource` answers: the indicators and developments, or the reason there are none.
public enum ReportIndicatorData: Sendable, Hashable {
    /// The source answered (possibly with no indicators).
    case available(indicators: [ReportIndicator], positive: [LocalizedText], negative: [LocalizedText])
    /// The source could not be asked or refused: the report renders without indicator sections and says so.
    case unavailable(reason: String)

    /// The welfare inputs for the builders: empty when unavailable.
    var welfare: WelfareReportInputs {
        switch self {
        case .available(let indicators, let positive, let negative):
            WelfareReportInputs(indicators: indicators, positive: positive, negative: negative)
        case .unavailable: WelfareReportInputs()
        }
    }
}
