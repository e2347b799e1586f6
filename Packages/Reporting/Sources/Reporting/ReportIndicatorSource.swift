import BusCore
import Model

/// Where the reporting service gets the indicator data of a plan: the indicators, with their
/// series and judgements, and the development sentences, for a plan and a year.
///
/// The implementation used by the service is `BusReportIndicatorSource` (the indicators service
/// over the bus); tests pass a fixed source.
public protocol ReportIndicatorSource: Sendable {
    /// The indicator data of `plan` for `year` (nil: every year), or why it is not available.
    /// Never throws: an unavailable source is an answer, so that the report still renders.
    func indicatorData(for plan: PlanDocument, organisations: [Organisation], year: Int?, context: RequestContext) async -> ReportIndicatorData
}
