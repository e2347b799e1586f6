import Foundation

/// One line of `plan.list`.
public struct PlanSummary: Codable, Sendable, Hashable {
    public var id: String
    public var kind: PlanKind
    public var title: LocalizedText
    public var period: YearSpan
    public var owner: String
    public var state: PlanState
    public var version: Int
    public var items: Int
    public var actions: Int
    public var statusReports: Int

    public init(id: String, kind: PlanKind, title: LocalizedText, period: YearSpan, owner: String, state: PlanState, version: Int,
                items: Int, actions: Int, statusReports: Int) {
        self.id = id
        self.kind = kind
        self.title = title
        self.period = period
        self.owner = owner
        self.state = state
        self.version = version
        self.items = items
        self.actions = actions
        self.statusReports = statusReports
    }
}

/// One change recorded in the audit log: who, when, what, before and after.
public struct AuditRecord: Codable, Sendable, Hashable {
    public var at: Date
    public var actor: String
    /// `create`, `update`, `delete`, `record`.
    public var operation: String
    /// `organisation`, `plan`, `status-report`.
    public var recordType: String
    public var recordId: String
    public var requestId: String?
    /// The record before the change, as JSON; nil for a creation.
    public var before: String?
    /// The record after the change, as JSON; nil for a deletion.
    public var after: String?

    public init(at: Date, actor: String, operation: String, recordType: String, recordId: String, requestId: String?,
                before: String?, after: String?) {
        self.at = at
        self.actor = actor
        self.operation = operation
        self.recordType = recordType
        self.recordId = recordId
        self.requestId = requestId
        self.before = before
        self.after = after
    }
}

/// Storage operations on plans, status reports and the audit log.
public enum PlanContracts {
    /// What an import did to the stored plan.
    public enum ImportOutcome: String, Codable, Sendable {
        case created, updated, unchanged
    }

    /// `plan.import`: store a whole plan document in one transaction — all of it or nothing.
    ///
    /// A plan stored with the same content is `unchanged` (importing a file twice changes
    /// nothing); status reports already stored are not added again. With `expectedVersion`, a
    /// plan whose stored version differs is refused with 409 naming the plan. Every responsible
    /// party's organisation must be in the registry or in the document's `organisations`;
    /// otherwise 400 with the path of the field in `details.path`.
    public struct Import: Contract {
        public static let service = ServiceName.storage
        public static let operation = "plan.import"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var document: PlanDocument
            public var expectedVersion: Int?
            public init(document: PlanDocument, expectedVersion: Int? = nil) {
                self.document = document
                self.expectedVersion = expectedVersion
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var planId: String
            public var outcome: ImportOutcome
            public var version: Int
            public var statusReportsAdded: Int
            public init(planId: String, outcome: ImportOutcome, version: Int, statusReportsAdded: Int) {
                self.planId = planId
                self.outcome = outcome
                self.version = version
                self.statusReportsAdded = statusReportsAdded
            }
        }
    }

    /// `plan.list`: a summary of every stored plan, ordered by id.
    public struct List: Contract {
        public static let service = ServiceName.storage
        public static let operation = "plan.list"
        public static let version = 1
        public typealias Request = Empty
        public struct Response: Codable, Sendable, Hashable {
            public var plans: [PlanSummary]
            public init(plans: [PlanSummary]) { self.plans = plans }
        }
    }

    /// `plan.get`: the whole plan as a document, with every status report (oldest first) and
    /// `plan.version` set; 404 when unknown. Exporting it and importing the export changes nothing.
    public struct Get: Contract {
        public static let service = ServiceName.storage
        public static let operation = "plan.get"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var id: String
            public init(id: String) { self.id = id }
        }
        public typealias Response = PlanDocument
    }

    /// `status.record`: add a status report for an item of a plan. The item must exist (404
    /// naming it) and the period must lie in the plan's period (400). `reporter` defaults to the
    /// actor, `reportedAt` to now. Idempotent per request id.
    public struct RecordStatus: Contract {
        public static let service = ServiceName.storage
        public static let operation = "status.record"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var planId: String
            public var report: StatusReport
            public init(planId: String, report: StatusReport) {
                self.planId = planId
                self.report = report
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var report: StatusReport
            public init(report: StatusReport) { self.report = report }
        }
    }

    /// `status.list`: the status reports of a plan, optionally of one period; with `currentOnly`
    /// only the latest report per item and period.
    public struct ListStatus: Contract {
        public static let service = ServiceName.storage
        public static let operation = "status.list"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var planId: String
            public var period: ReportingPeriod?
            public var currentOnly: Bool
            public init(planId: String, period: ReportingPeriod? = nil, currentOnly: Bool = true) {
                self.planId = planId
                self.period = period
                self.currentOnly = currentOnly
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var reports: [StatusReport]
            public init(reports: [StatusReport]) { self.reports = reports }
        }
    }

    /// `audit.list`: audit entries, newest first, optionally of one record type or record.
    public struct ListAudit: Contract {
        public static let service = ServiceName.storage
        public static let operation = "audit.list"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var limit: Int?
            public var recordType: String?
            public var recordId: String?
            public init(limit: Int? = nil, recordType: String? = nil, recordId: String? = nil) {
                self.limit = limit
                self.recordType = recordType
                self.recordId = recordId
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var entries: [AuditRecord]
            public init(entries: [AuditRecord]) { self.entries = entries }
        }
    }
}
