import BusCore
import Logging
import Model

/// Builds the router of the indicators service: `indicator.inspect`, `indicator.import`,
/// `indicator.compare`, `indicator.series` and `indicator.report-data`. All but `inspect` reach
/// storage over the bus the worker gives them.
public func buildIndicatorsRouter(logger: Logger) -> Router {
    var router = Router(service: ServiceName.indicators)
    router.on(IndicatorContracts.Inspect.self) { request, context in
        try inspect(request, logger: context.logger)
    }
    router.on(IndicatorContracts.Import.self) { request, context in
        try await IndicatorImporter(bus: try context.requireBus(), headers: context.headers, logger: context.logger).run(request)
    }
    router.on(IndicatorContracts.Compare.self) { request, context in
        try await IndicatorQueries(bus: try context.requireBus(), headers: context.headers).compare(request)
    }
    router.on(IndicatorContracts.Series.self) { request, context in
        try await IndicatorQueries(bus: try context.requireBus(), headers: context.headers).series(request)
    }
    router.on(ReportIndicatorContracts.ReportData.self) { request, context in
        try await IndicatorReportData(bus: try context.requireBus(), headers: context.headers).answer(request)
    }
    logger.debug("indicators router built", metadata: ["operations": "\(router.operations.joined(separator: ","))"])
    return router
}

/// Answers `indicator.inspect`; a file that cannot be read is a 400 `invalid_file`.
func inspect(_ request: IndicatorContracts.Inspect.Request, logger: Logger) throws -> IndicatorContracts.Inspect.Response {
    guard request.format == .sotkanetJSON else {
        throw ServiceError(.badRequest, code: "unsupported_format",
                           "indicator.inspect reads sotkanet-json only; \(request.format.rawValue) was given")
    }
    var parser = SotkanetJSONParser(fileName: request.fileName, content: request.content)
    do {
        let summary = try SotkanetSummary(parsing: &parser)
        logger.info("file inspected", metadata: [
            "file": "\(request.fileName)", "format": "\(request.format.rawValue)",
            "rows": "\(summary.rows)", "missingValues": "\(summary.missingValues)",
        ])
        return summary.response
    } catch {
        logger.info("file refused", metadata: [
            "file": "\(request.fileName)", "path": "\(error.path)", "line": "\(error.line)",
        ])
        throw ServiceError(.badRequest, code: "invalid_file", error.description, details: error.details)
    }
}
