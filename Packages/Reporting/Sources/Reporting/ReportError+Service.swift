import BusCore

extension ReportError {
    /// The error as a reply of a `report.*` operation: no data is `404 no_data`, a bad request
    /// `400`, a missing browser `503 browser_missing` (the operator must install chromium), and a
    /// failed print or write `500` with the message.
    public var serviceError: ServiceError {
        switch self {
        case .noData(let message): ServiceError(.notFound, code: "no_data", message)
        case .badRequest(let message): .badRequest(message)
        case .browserMissing: ServiceError(.serviceUnavailable, code: "browser_missing", description)
        case .browserFailed, .cannotWrite: ServiceError(.internalError, code: "report_failed", description)
        }
    }
}
