import Foundation

/// A participation event such as a village evening or a safety walk, counted by participants.
public struct ParticipationEvent: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var kind: ParticipationEventKind
    public var title: LocalizedText
    public var date: Date
    public var place: String
    public var organiser: String
    /// People who took part.
    public var participants: Int

    public init(id: String, kind: ParticipationEventKind, title: LocalizedText, date: Date, place: String, organiser: String,
                participants: Int) {
        self.id = id
        self.kind = kind
        self.title = title
        self.date = date
        self.place = place
        self.organiser = organiser
        self.participants = participants
    }
}
