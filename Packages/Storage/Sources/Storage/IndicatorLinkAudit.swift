import Model

/// The audit row of a new plan-item ↔ indicator link.
enum IndicatorLinkAudit {
    static func entry(_ request: IndicatorStorageContracts.LinkItem.Request, indicator: String, origin: ChangeOrigin,
                      at timestamp: String) -> AuditEntry {
        let link = IndicatorStorageContracts.Link(planId: request.planId, item: request.item, indicator: indicator)
        return AuditEntry(id: nil, at: timestamp, actor: origin.actorId, requestId: origin.requestId, operation: "create",
                          recordType: "plan_indicator_link", recordId: "\(request.planId)/\(request.item)/\(indicator)",
                          before: nil, after: IndicatorRoutes.encode(link))
    }
}
