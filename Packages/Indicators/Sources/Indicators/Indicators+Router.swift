import BusCore
import Logging
import Model

/// Builds the router of the indicators service: `indicator.inspect`.
public func buildIndicatorsRouter(logger: Logger) -> Router {
    var router = Router(service: ServiceName.indicators)
    router.on(IndicatorContracts.Inspect.self) { request, context in
        try inspect(request, logger: context.logger)
    }
    logger.debug("indicators router built", metadata: ["operations": "\(router.operations.joined(separator: ","))"])
    return router
}

/// Answers `indicator.inspect`; a file that cannot be read is a 400 `invalid_file`.
func inspect(_ request: IndicatorContracts.Inspect.Request, logger: Logger) throws -> IndicatorContracts.Inspect.Response {
    switch request.format {
    case .sotkanetJSON:
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
}
