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
        return try document.render(request.format, pdf: pdf).response(request.format, baseName: baseName(request))
    }

    /// The file name without extension: plan, report, period or year, language.
    public func baseName(_ request: PlanReportRequest) -> String {
        let when = request.period?.description ?? request.year.map(String.init)
        return [request.planId, rawValue, when, request.language.rawValue].compactMap { $0 }.joined(separator: "-")
    }

    /// Whether the report shows indicators (and so asks the indicators service).
    public var usesIndicators: Bool {
        switch self {
        case .matrix, .followup: false
        case .dashboard, .annual, .term, .indicators: true
        }
    }

    /// The year whose indicator values the report shows: the annual report's year, the dashboard's
    /// period's year; nil (every year) for the term report and the overview without a year.
    public func indicatorYear(_ request: PlanReportRequest) -> Int? {
        switch self {
        case .annual, .dashboard, .indicators: request.year ?? request.period?.year
        case .matrix, .followup, .term: nil
        }
    }

    /// The years whose participation results the report shows: the annual report's year, every
    /// year of the plan's period for the term report; nil for the reports without them.
    public func participationYears(_ request: PlanReportRequest, plan: Plan) -> ClosedRange<Int>? {
        switch self {
        case .annual: (request.year ?? request.period?.year).map { $0...$0 }
        case .term: plan.period.start...max(plan.period.start, plan.period.end)
        case .matrix, .followup, .dashboard, .indicators: nil
        }
    }

    /// The contract name of the report's operation, e.g. `report.followup`.
    public var operation: String { "report.\(rawValue)" }

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
