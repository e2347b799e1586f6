import Foundation

/// Storage operations that change part of a stored plan, delete a plan, or delete an
/// organisation — each under optimistic concurrency.
public enum PlanEditContracts {
    /// `plan.edit`: apply `edits` to the stored plan, in order, in one transaction — all of them
    /// or none.
    ///
    /// `expectedVersion` must be the plan's stored version, otherwise 409 naming the plan and both
    /// versions. The edited plan is checked as an import is (400 naming the edit and the field).
    /// The plan's version goes up by one; every edit gets its own audit entry with the item
    /// before and after. Idempotent per request id.
    public struct Edit: Contract {
        public static let service = ServiceName.storage
        public static let operation = "plan.edit"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var planId: String
            public var expectedVersion: Int
            public var edits: [PlanEdit]
            public init(planId: String, expectedVersion: Int, edits: [PlanEdit]) {
                self.planId = planId
                self.expectedVersion = expectedVersion
                self.edits = edits
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var planId: String
            public var version: Int
            /// How many edits changed something (an edit that sets what is stored changes nothing).
            public var changed: Int
            public init(planId: String, version: Int, changed: Int) {
                self.planId = planId
                self.version = version
                self.changed = changed
            }
        }
    }

    /// `plan.delete`: remove a plan and its status reports. `expectedVersion` must be the stored
    /// version (409 otherwise); 404 when there is no such plan. The audit entry keeps the whole
    /// document and every status report as `before`, so nothing is lost.
    public struct Delete: Contract {
        public static let service = ServiceName.storage
        public static let operation = "plan.delete"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var planId: String
            public var expectedVersion: Int
            public init(planId: String, expectedVersion: Int) {
                self.planId = planId
                self.expectedVersion = expectedVersion
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var planId: String
            public var statusReportsDeleted: Int
            public init(planId: String, statusReportsDeleted: Int) {
                self.planId = planId
                self.statusReportsDeleted = statusReportsDeleted
            }
        }
    }

    /// `organisation.delete`: remove an organisation. `expectedVersion` must be its stored version
    /// (409 otherwise); refused with 409 while another organisation has it as parent or a plan
    /// names it (as owner or responsible party); 404 when unknown.
    public struct DeleteOrganisation: Contract {
        public static let service = ServiceName.storage
        public static let operation = "organisation.delete"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var id: String
            public var expectedVersion: Int
            public init(id: String, expectedVersion: Int) {
                self.id = id
                self.expectedVersion = expectedVersion
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var id: String
            public init(id: String) { self.id = id }
        }
    }
}
