import BusCore
import Model

/// Asks the indicators service for `indicator.report-data` over the request's bus.
///
/// Any failure — the service not registered, no reply in time, `400 unknown_operation` from an
/// indicators service that does not know the operation yet, `404`, `503` — is answered as
/// `.unavailable` with the reason, so that the report renders without indicator sections.
public struct BusReportIndicatorSource: ReportIndicatorSource {
    /// How long to wait for the indicators service.
    public var timeout: Duration

    /// A source waiting `timeout` for the reply.
    public init(timeout: Duration = .seconds(20)) {
        self.timeout = timeout
    }

    public func indicatorData(for plan: PlanDocument, organisations: [Organisation], year: Int?, context: RequestContext) async -> ReportIndicatorData {
        let request = Self.request(for: plan, organisations: organisations, year: year)
        do {
            let bus = try context.requireBus()
            let registered = (try? await bus.serviceIsRegistered(ServiceName.indicators, options: .once(.seconds(2)))) ?? false
            guard registered else { return unavailable("the indicators service is not running", context) }
            let response = try await bus.call(ReportIndicatorContracts.ReportData.self, request, headers: context.headers,
                                              options: .once(timeout))
            return .available(indicators: response.indicators.map(ReportIndicator.init(data:)),
                              positive: response.developments.positive, negative: response.developments.negative)
        } catch let error as ServiceCallError {
            return unavailable("the indicators service answered \(error.status) \(error.error.code): \(error.error.message)", context)
        } catch {
            return unavailable("\(error)", context)
        }
    }

    private func unavailable(_ reason: String, _ context: RequestContext) -> ReportIndicatorData {
        context.logger.warning("indicator data not available; rendering without it", metadata: ["reason": "\(reason)"])
        return .unavailable(reason: reason)
    }

    /// The request for `plan`: its area is the municipality or region organisation at or above the
    /// plan's owner; the whole country and the region above the area are the references. Each item
    /// lists its own indicators and the indicators its measures reference.
    static func request(for plan: PlanDocument, organisations: [Organisation], year: Int?) -> ReportIndicatorContracts.ReportData.Request {
        var byId: [String: Organisation] = [:]
        for organisation in organisations + plan.organisations { byId[organisation.id] = organisation }
        var area = plan.plan.owner
        var cursor = byId[plan.plan.owner]
        var seen = Set<String>()
        while let current = cursor, seen.insert(current.id).inserted {
            if current.kind == .municipality || current.kind == .region {
                area = current.id
                break
            }
            cursor = current.parentId.flatMap { byId[$0] }
        }
        var references = ["whole-country"]
        if let parent = byId[area]?.parentId, byId[parent]?.kind == .region { references.append(parent) }
        var items: [ReportIndicatorContracts.ItemIndicators] = []
        func visit(_ item: PlanItem) {
            // The item's own indicators, then those its measures reference (their values fill the measure table).
            var indicators = item.indicators
            for reference in item.measures.compactMap(\.indicator) where !indicators.contains(reference) { indicators.append(reference) }
            if !indicators.isEmpty { items.append(.init(item: item.number, indicators: indicators)) }
            item.children.forEach(visit)
        }
        plan.items.forEach(visit)
        return .init(planId: plan.plan.id, year: year, area: area, referenceRegions: references, items: items)
    }
}
