import Model
import Synchronization

/// The `indicator.report-data` requests a stub indicators service received, in order.
final class IndicatorRequests: Sendable {
    private let requests = Mutex<[ReportIndicatorContracts.ReportData.Request]>([])

    func append(_ request: ReportIndicatorContracts.ReportData.Request) { requests.withLock { $0.append(request) } }

    var all: [ReportIndicatorContracts.ReportData.Request] { requests.withLock { $0 } }
}
