import Model

/// The plan reports, one per `report.*` operation.
public enum PlanReportKind: String, Sendable, CaseIterable {
    /// `report.matrix`.
    case matrix
    /// `report.followup`.
    case followup
    /// `report.dashboard`.
    case dashboard
    /// `report.annual`.
    case annual
    /// `report.term`.
    case term
    /// `report.indicators`.
    case indicators

    /// Builds the report that `request` asks for from inputs the caller gathered, renders it and
    /// packs it as the operations answer. Throws `ReportError.badRequest` when the request lacks the
    /// period or year the report needs, `ReportError.noData` when there is nothing to report.
    public func response(_ request: PlanReportRequest, input: ReportPlanInput, welfare: WelfareReportInputs = WelfareReportInputs(),
                         pdf: ReportPDFRenderer = ReportPDFRenderer()) throws -> PlanReportResponse {
        let document = try document(request, input: input, welfare: welfare)
        let when = request.period?.description ?? request.year.map(String.init)
        let baseName = [request.planId, rawValue, when, request.language.rawValue].compactMap { $0 }.joined(separator: "-")
        return try document.render(request.format, pdf: pdf).response(request.format, baseName: baseName)
    }

    /// The report document that `request` asks for.
    public func document(_ request: PlanReportRequest, input: ReportPlanInput, welfare: WelfareReportInputs = WelfareReportInputs()) throws
        -> ReportDocument {
        func period() throws -> ReportingPeriod {
            guard let period = request.period else { throw ReportError.badRequest("report.\(rawValue) needs a period, e.g. 2021H1") }
            return period
        }
        switch self {
        case .matrix: return try ActionMatrixReport(input: input, period: request.period).document()
        case .followup: return try FollowUpReport(input: input, period: period()).document()
        case .dashboard: return try DashboardReport(input: input, period: period(), indicators: welfare.indicators).document()
        case .annual:
            guard let year = request.year ?? request.period?.year else { throw ReportError.badRequest("report.annual needs a year, e.g. 2021") }
            return try AnnualWelfareReport(input: input, year: year, welfare: welfare).document()
        case .term: return try TermWelfareReport(input: input, welfare: welfare).document()
        case .indicators: return try IndicatorOverviewReport(input: input, indicators: welfare.indicators).document()
        }
    }
}
