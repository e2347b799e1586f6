import BusCore
import Logging
import Model

/// Serves the plan reports (`report.matrix|followup|dashboard|annual|term|indicators`): gathers the
/// plan (`plan.get`) and the organisations (`organisation.list`) from storage and, for the reports
/// that show indicators, the indicator data from `indicatorSource`; builds, renders and packs the
/// report. The service holds no data.
public struct PlanReportService: Sendable {
    /// Where indicator data comes from; the indicators service over the bus by default.
    public var indicatorSource: any ReportIndicatorSource
    /// Where the annual and term reports get the participation figures bound to the plan's measures.
    public var participationSource: any ReportParticipationSource
    /// Prints PDFs.
    public var pdf: ReportPDFRenderer
    /// The day reports are dated.
    public var today: @Sendable () -> ReportDate

    /// A service with the given indicator source, PDF printer and clock.
    public init(indicatorSource: any ReportIndicatorSource = BusReportIndicatorSource(),
                participationSource: any ReportParticipationSource = BusReportParticipationSource(),
                pdf: ReportPDFRenderer = ReportPDFRenderer(),
                today: @escaping @Sendable () -> ReportDate = { ReportDate.today() }) {
        self.indicatorSource = indicatorSource
        self.participationSource = participationSource
        self.pdf = pdf
        self.today = today
    }

    /// Answers `request` for report `kind`. Errors: `404 plan_not_found` naming an unknown plan,
    /// `404 no_data` for a period or year without data, `400` for a missing period or year,
    /// `503 browser_missing` for a PDF without Chromium; storage's own errors pass through.
    public func respond(_ kind: PlanReportKind, _ request: PlanReportRequest, context: RequestContext) async throws -> PlanReportResponse {
        let bus = try context.requireBus()
        let plan: PlanDocument
        do {
            plan = try await bus.call(PlanContracts.Get.self, .init(id: request.planId), headers: context.headers)
        } catch let error as ServiceCallError where error.status == 404 {
            throw ServiceError(.notFound, code: "plan_not_found",
                               "plan '\(request.planId)' is not stored; `hyte plan list` shows the stored plans",
                               details: ["planId": request.planId])
        }
        let organisations = try await bus.call(StorageContracts.ListOrganisations.self, Empty(), headers: context.headers).organisations
        let input = ReportPlanInput(document: plan, organisations: organisations, language: request.language, generated: today())
        let data: ReportIndicatorData = kind.usesIndicators
            ? await indicatorSource.indicatorData(for: plan, organisations: organisations, year: kind.indicatorYear(request), context: context)
            : .available(indicators: [], positive: [], negative: [])
        var welfare = data.welfare
        if let years = kind.participationYears(request, plan: plan.plan) {
            if let states = await participationSource.bindings(planId: plan.plan.id, context: context) {
                welfare.participationRows = ReportParticipationRow.rows(states, years: years)
            } else {
                welfare.participationUnavailable = true
            }
        }
        do {
            var document: ReportDocument
            if case .unavailable = data {
                document = kind == .indicators
                    ? Self.emptyOverview(input)
                    : try kind.document(request, input: input, welfare: welfare)
                document = document.withIndicatorsUnavailable()
            } else {
                document = try kind.document(request, input: input, welfare: welfare)
            }
            let response = try document.render(request.format, pdf: pdf).response(request.format, baseName: kind.baseName(request))
            context.logger.info("report rendered", metadata: [
                "report": "\(kind.rawValue)", "plan": "\(request.planId)", "language": "\(request.language.rawValue)",
                "format": "\(request.format.rawValue)", "indicators": "\(Self.describe(data))", "bytes": "\(response.body.utf8.count)",
            ])
            return response
        } catch let error as ReportError {
            throw error.serviceError
        }
    }

    /// The indicator overview's frame when there is no indicator data: title and subtitle only.
    static func emptyOverview(_ input: ReportPlanInput) -> ReportDocument {
        let context = ReportPlanContext(input)
        return ReportDocument(title: context.term(.indicatorOverview), subtitle: context.subtitle(nil), language: input.language,
                              generated: input.generated)
    }

    private static func describe(_ data: ReportIndicatorData) -> String {
        switch data {
        case .available(let indicators, _, _): "\(indicators.count)"
        case .unavailable: "unavailable"
        }
    }
}
