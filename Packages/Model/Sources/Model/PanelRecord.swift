import Foundation

/// A resident panel (asukasraati / invånarpanel): residents convened on a topic, meeting in sessions,
/// giving recommendations that the city answers.
///
/// Members are kept as counts by age group and area; beyond an optional name per member no personal
/// data is stored.
public struct ResidentPanel: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var topic: LocalizedText
    /// The unit that convenes the panel.
    public var organiser: String
    public var members: [PanelMemberGroup]
    /// Names of members who agreed to be named; optional.
    public var memberNames: [String]
    public var sessions: [PanelSession]
    public var recommendations: [PanelRecommendation]

    public init(id: String, topic: LocalizedText, organiser: String, members: [PanelMemberGroup] = [], memberNames: [String] = [],
                sessions: [PanelSession] = [], recommendations: [PanelRecommendation] = []) {
        self.id = id
        self.topic = topic
        self.organiser = organiser
        self.members = members
        self.memberNames = memberNames
        self.sessions = sessions
        self.recommendations = recommendations
    }

    /// Members in all groups.
    public var memberCount: Int { members.reduce(0) { $0 + $1.count } }
}

/// How many members of a panel are of one age group and area.
public struct PanelMemberGroup: Codable, Sendable, Hashable {
    /// E.g. `18-29`, `65+`.
    public var ageGroup: String
    public var area: String
    public var count: Int

    public init(ageGroup: String, area: String, count: Int) {
        self.ageGroup = ageGroup
        self.area = area
        self.count = count
    }
}

/// A meeting of a panel.
public struct PanelSession: Codable, Sendable, Hashable {
    public var date: Date
    /// Members present.
    public var attendance: Int

    public init(date: Date, attendance: Int) {
        self.date = date
        self.attendance = attendance
    }
}
