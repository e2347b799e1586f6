import Foundation

/// Where an action stands in a period.
public enum ActionStatus: String, Codable, Sendable, CaseIterable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done
    case notDone = "not-done"
    case postponed
    case cancelled
}

/// The value of one measure in a period.
public struct MeasureValue: Codable, Sendable, Hashable {
    public var measure: String
    public var value: Double?
    public var text: LocalizedText?
    public init(measure: String, value: Double? = nil, text: LocalizedText? = nil) {
        self.measure = measure
        self.value = value
        self.text = text
    }
}

/// What a responsible party reports of an action (or a measure) for a period. History is kept;
/// the latest report per item and period is the current one.
public struct StatusReport: Codable, Sendable, Hashable {
    /// The number of the plan item reported on.
    public var item: String
    public var period: ReportingPeriod
    public var status: ActionStatus
    /// Why, e.g. "covid-19 -pandemian vuoksi".
    public var reason: LocalizedText?
    public var narrative: LocalizedText?
    public var values: [MeasureValue]
    /// Who reported (a person, a role or an organisation id).
    public var reporter: String?
    public var reportedAt: Date?

    public init(item: String, period: ReportingPeriod, status: ActionStatus, reason: LocalizedText? = nil,
                narrative: LocalizedText? = nil, values: [MeasureValue] = [], reporter: String? = nil, reportedAt: Date? = nil) {
        self.item = item
        self.period = period
        self.status = status
        self.reason = reason
        self.narrative = narrative
        self.values = values
        self.reporter = reporter
        self.reportedAt = reportedAt
    }
}

/// A whole plan as one document: the file format of `hyte plan import|export` (YAML or JSON).
public struct PlanDocument: Codable, Sendable, Hashable {
    /// Always `hyte-plan/1` for this version of the format.
    public var format: String
    public var plan: Plan
    /// Organisations the plan refers to that may not be in the registry yet.
    public var organisations: [Organisation]
    public var items: [PlanItem]
    public var statusReports: [StatusReport]

    public static let currentFormat = "hyte-plan/1"

    public init(plan: Plan, organisations: [Organisation] = [], items: [PlanItem], statusReports: [StatusReport] = []) {
        self.format = PlanDocument.currentFormat
        self.plan = plan
        self.organisations = organisations
        self.items = items
        self.statusReports = statusReports
    }

    enum CodingKeys: String, CodingKey { case format, plan, organisations, items, statusReports }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decode(String.self, forKey: .format)
        guard format == PlanDocument.currentFormat else {
            throw DecodingError.dataCorruptedError(forKey: .format, in: container,
                                                   debugDescription: "format '\(format)' is not '\(PlanDocument.currentFormat)'")
        }
        plan = try container.decode(Plan.self, forKey: .plan)
        organisations = try container.decodeIfPresent([Organisation].self, forKey: .organisations) ?? []
        items = try container.decode([PlanItem].self, forKey: .items)
        statusReports = try container.decodeIfPresent([StatusReport].self, forKey: .statusReports) ?? []
    }

    /// Every item of the tree, depth first, with its depth.
    public var allItems: [(item: PlanItem, depth: Int)] { items.flatMap { $0.flattened() } }
}
