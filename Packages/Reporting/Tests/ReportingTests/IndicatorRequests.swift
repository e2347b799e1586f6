import BusCore
import BusTesting
import Logging
import Model
import Reporting
import Synchronization

/// The `indicator.report-data` requests a stub indicators service received, in order.
final class IndicatorRequests: Sendable {
    private let requests = Mutex<[ReportIndicatorContracts.ReportData.Request]>([])

    func append(_ request: ReportIndicatorContracts.ReportData.Request) { requests.withLock { $0.append(request) } }

    var all: [ReportIndicatorContracts.ReportData.Request] { requests.withLock { $0 } }
}

extension IndicatorRequests {
    /// The requests the reporting service sends to a stub indicators service (answering no
    /// indicators) while `call` runs on a bus with `storage`.
    static func recorded(with storage: PlanStorageDouble,
                         _ call: (InMemoryBus) async throws -> Void) async throws -> [ReportIndicatorContracts.ReportData.Request] {
        let received = IndicatorRequests()
        var router = Router(service: ServiceName.indicators)
        router.on(ReportIndicatorContracts.ReportData.self) { request, _ in
            received.append(request)
            return .init(indicators: [])
        }
        let bus = InMemoryBus()
        bus.register(storage.router)
        bus.register(router)
        bus.register(buildReportingRouter(logger: Logger(label: "test.reporting")))
        try await call(bus)
        return received.all
    }
}
