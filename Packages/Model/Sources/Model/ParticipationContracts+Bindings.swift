import Foundation

extension ParticipationContracts {
    /// A measure binding with what it has written.
    public struct BindingState: Codable, Sendable, Hashable {
        public var binding: MeasureBinding
        /// What the figure is, for people: e.g. "Vastausprosentti: Asukaskysely 2021".
        public var label: LocalizedText
        /// The figure's value per period, as last computed (periods with records only).
        public var values: [PeriodValue]
        /// Values written to the plan by this call (changed ones only).
        public var written: [PeriodValue]
        /// Why values could not be written, if they could not (e.g. the measure no longer exists).
        public var problem: String?
        public init(binding: MeasureBinding, label: LocalizedText, values: [PeriodValue] = [], written: [PeriodValue] = [],
                    problem: String? = nil) {
            self.binding = binding
            self.label = label
            self.values = values
            self.written = written
            self.problem = problem
        }
    }

    /// A figure's value in a period.
    public struct PeriodValue: Codable, Sendable, Hashable {
        public var period: ReportingPeriod
        public var value: Double
        public init(period: ReportingPeriod, value: Double) {
            self.period = period
            self.value = value
        }
    }

    /// `binding.save`: binds a measure of a plan to a participation figure (replacing its earlier
    /// binding) and writes the figure's values at once. 404 when the plan, item or measure is unknown.
    public struct BindingSave: Contract {
        public static let service = ServiceName.participation
        public static let operation = "binding.save"
        public static let version = 1
        public typealias Request = MeasureBinding
        public typealias Response = BindingState
    }

    /// Selects bindings: of one plan, or all.
    public struct BindingFilter: Codable, Sendable, Hashable {
        public var planId: String?
        public init(planId: String? = nil) { self.planId = planId }
    }

    /// `binding.list`: the bindings (of a plan) with the figures' current values; writes nothing.
    public struct BindingList: Contract {
        public static let service = ServiceName.participation
        public static let operation = "binding.list"
        public static let version = 1
        public typealias Request = BindingFilter
        public typealias Response = [BindingState]
    }

    /// `binding.sync`: computes every binding's figure (of a plan, or all) and writes the values
    /// that changed. Bindings are also written whenever a record they follow changes; this call
    /// repairs what a failed write left behind.
    public struct BindingSync: Contract {
        public static let service = ServiceName.participation
        public static let operation = "binding.sync"
        public static let version = 1
        public typealias Request = BindingFilter
        public typealias Response = [BindingState]
    }

    /// `binding.delete`: removes the binding of a measure; the values written stay in the plan.
    public struct BindingDelete: Contract {
        public static let service = ServiceName.participation
        public static let operation = "binding.delete"
        public static let version = 1
        public struct Request: Codable, Sendable, Hashable {
            public var planId: String
            public var item: String
            public var measureId: String
            public init(planId: String, item: String, measureId: String) {
                self.planId = planId
                self.item = item
                self.measureId = measureId
            }
        }
        public typealias Response = MeasureBinding
    }
}
