import Foundation

extension ParticipationContracts {
    /// Names one record by id.
    public struct RecordRef: Codable, Sendable, Hashable {
        public var id: String
        public init(id: String) { self.id = id }
    }

    /// Limits a list to one calendar year (Finnish time), or none.
    public struct YearFilter: Codable, Sendable, Hashable {
        public var year: Int?
        public init(year: Int? = nil) { self.year = year }
    }

    /// `panel.save`: create or replace a resident panel; 400 names the field that is wrong.
    public struct PanelSave: Contract {
        public static let service = ServiceName.participation
        public static let operation = "panel.save"
        public static let version = 1
        public typealias Request = ResidentPanel
        public typealias Response = ResidentPanel
    }

    /// `panel.get`: one panel; 404 when there is none.
    public struct PanelGet: Contract {
        public static let service = ServiceName.participation
        public static let operation = "panel.get"
        public static let version = 1
        public typealias Request = RecordRef
        public typealias Response = ResidentPanel
    }

    /// `panel.list`: every panel, by id.
    public struct PanelList: Contract {
        public static let service = ServiceName.participation
        public static let operation = "panel.list"
        public static let version = 1
        public typealias Request = Empty
        public typealias Response = [ResidentPanel]
    }

    /// `panel.answer`: the city's answer to one recommendation of a panel, dated now.
    public struct PanelAnswerSet: Contract {
        public static let service = ServiceName.participation
        public static let operation = "panel.answer"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var panelId: String
            public var recommendationId: String
            public var status: PanelAnswerStatus
            public var text: LocalizedText
            public init(panelId: String, recommendationId: String, status: PanelAnswerStatus, text: LocalizedText) {
                self.panelId = panelId
                self.recommendationId = recommendationId
                self.status = status
                self.text = text
            }
        }
        public typealias Response = ResidentPanel
    }

    /// `hearing.save`: create or replace a statement request with its statement and answer.
    public struct HearingSave: Contract {
        public static let service = ServiceName.participation
        public static let operation = "hearing.save"
        public static let version = 1
        public typealias Request = HearingRequest
        public typealias Response = HearingRequest
    }

    /// `hearing.get`: one statement request; 404 when there is none.
    public struct HearingGet: Contract {
        public static let service = ServiceName.participation
        public static let operation = "hearing.get"
        public static let version = 1
        public typealias Request = RecordRef
        public typealias Response = HearingRequest
    }

    /// `hearing.list`: statement requests of a year (by request date), or all.
    public struct HearingList: Contract {
        public static let service = ServiceName.participation
        public static let operation = "hearing.list"
        public static let version = 1
        public typealias Request = YearFilter
        public typealias Response = [HearingRequest]
    }

    /// `hearing.counts`: per council and year, statements requested, given and answered.
    public struct HearingCounts: Contract {
        public static let service = ServiceName.participation
        public static let operation = "hearing.counts"
        public static let version = 1
        public typealias Request = YearFilter
        public typealias Response = [HearingCount]
    }

    /// `event.save`: create or replace an event.
    public struct EventSave: Contract {
        public static let service = ServiceName.participation
        public static let operation = "event.save"
        public static let version = 1
        public typealias Request = ParticipationEvent
        public typealias Response = ParticipationEvent
    }

    /// `event.list`: events of a year, or all, by date.
    public struct EventList: Contract {
        public static let service = ServiceName.participation
        public static let operation = "event.list"
        public static let version = 1
        public typealias Request = YearFilter
        public typealias Response = [ParticipationEvent]
    }

    /// `assessment.save`: create or replace an impact assessment.
    public struct AssessmentSave: Contract {
        public static let service = ServiceName.participation
        public static let operation = "assessment.save"
        public static let version = 1
        public typealias Request = ImpactAssessment
        public typealias Response = ImpactAssessment
    }

    /// `assessment.get`: one impact assessment; 404 when there is none.
    public struct AssessmentGet: Contract {
        public static let service = ServiceName.participation
        public static let operation = "assessment.get"
        public static let version = 1
        public typealias Request = RecordRef
        public typealias Response = ImpactAssessment
    }

    /// `assessment.list`: impact assessments of a year, or all.
    public struct AssessmentList: Contract {
        public static let service = ServiceName.participation
        public static let operation = "assessment.list"
        public static let version = 1
        public typealias Request = YearFilter
        public typealias Response = [ImpactAssessment]
    }

    /// `figure.value`: the value of a participation figure for a reporting period, for a measure
    /// bound to it; `value` is nil when the records do not give one.
    public struct FigureValue: Contract {
        public static let service = ServiceName.participation
        public static let operation = "figure.value"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var figure: ParticipationFigure
            public var period: ReportingPeriod
            public init(figure: ParticipationFigure, period: ReportingPeriod) {
                self.figure = figure
                self.period = period
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var value: Double?
            public init(value: Double?) { self.value = value }
        }
    }
}
