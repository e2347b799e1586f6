import BusCore
import Logging
import Model

/// Builds the router of the reporting service: `report.organisations` and the plan reports
/// `report.matrix|followup|dashboard|annual|term|indicators` (served by `reports`).
///
/// The service is stateless: it asks storage for the data of each report over the bus, passing
/// the caller's headers on so that the actor and the request id travel with the request.
public func buildReportingRouter(logger: Logger, reports: PlanReportService = PlanReportService()) -> Router {
    var router = Router(service: ServiceName.reporting)
    router.on(ReportingContracts.Organisations.self) { request, context in
        let bus = try context.requireBus()
        let listed = try await bus.call(StorageContracts.ListOrganisations.self, Empty(), headers: context.headers)
        let response = OrganisationReport(organisations: listed.organisations, language: request.language).render(request.format)
        context.logger.info("report rendered", metadata: [
            "report": "organisations", "language": "\(request.language.rawValue)", "format": "\(request.format.rawValue)",
            "organisations": "\(listed.organisations.count)", "bytes": "\(response.body.utf8.count)",
        ])
        return response
    }
    router.on(ReportingContracts.Matrix.self) { try await reports.respond(.matrix, $0, context: $1) }
    router.on(ReportingContracts.FollowUp.self) { try await reports.respond(.followup, $0, context: $1) }
    router.on(ReportingContracts.Dashboard.self) { try await reports.respond(.dashboard, $0, context: $1) }
    router.on(ReportingContracts.Annual.self) { try await reports.respond(.annual, $0, context: $1) }
    router.on(ReportingContracts.Term.self) { try await reports.respond(.term, $0, context: $1) }
    router.on(ReportingContracts.Indicators.self) { try await reports.respond(.indicators, $0, context: $1) }
    logger.debug("reporting router built", metadata: ["operations": "\(router.operations.joined(separator: ","))"])
    return router
}
