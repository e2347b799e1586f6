import Foundation

/// A request for a council's statement, the statement given and the city's answer.
public struct HearingRequest: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var council: HearingCouncil
    public var topic: LocalizedText
    public var requestedOn: Date
    public var deadline: Date
    public var statement: HearingStatement?
    public var cityAnswer: HearingStatement?

    public init(id: String, council: HearingCouncil, topic: LocalizedText, requestedOn: Date, deadline: Date,
                statement: HearingStatement? = nil, cityAnswer: HearingStatement? = nil) {
        self.id = id
        self.council = council
        self.topic = topic
        self.requestedOn = requestedOn
        self.deadline = deadline
        self.statement = statement
        self.cityAnswer = cityAnswer
    }
}

/// A dated text: a council's statement or the city's answer to it.
public struct HearingStatement: Codable, Sendable, Hashable {
    public var date: Date
    public var text: LocalizedText

    public init(date: Date, text: LocalizedText) {
        self.date = date
        self.text = text
    }
}
