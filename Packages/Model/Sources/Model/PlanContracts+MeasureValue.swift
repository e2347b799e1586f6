import Foundation

extension PlanContracts {
    /// `measure.value.record`: sets the value of one measure for a period, as a status report of
    /// the item that holds the measure. Used by services that compute a measure's value (the
    /// participation service for bound measures).
    ///
    /// The new report copies the item's current report of the period (its status, texts and other
    /// values) and replaces this measure's value; without one it takes the status of the item's
    /// latest report of an earlier period, and without any report `in-progress`. When the current
    /// report of the period already holds the value nothing is written (`changed` false).
    /// 404 for an unknown plan, item or measure; 400 for a period outside the plan's period.
    /// Idempotent per request id.
    public struct RecordMeasureValue: Contract {
        public static let service = ServiceName.storage
        public static let operation = "measure.value.record"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var planId: String
            /// The number of the item that holds the measure.
            public var item: String
            public var measureId: String
            public var period: ReportingPeriod
            public var value: Double
            /// Who reports: written as the report's reporter (default: the caller).
            public var reporter: String?
            public init(planId: String, item: String, measureId: String, period: ReportingPeriod, value: Double,
                        reporter: String? = nil) {
                self.planId = planId
                self.item = item
                self.measureId = measureId
                self.period = period
                self.value = value
                self.reporter = reporter
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            /// False when the period's current report already held the value.
            public var changed: Bool
            /// The period's current report after the change.
            public var report: StatusReport
            public init(changed: Bool, report: StatusReport) {
                self.changed = changed
                self.report = report
            }
        }
    }
}
