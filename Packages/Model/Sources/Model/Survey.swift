import Foundation

/// A survey (kysely / enkät): questions to residents, clients or staff, open for a time.
///
/// A survey is anonymous unless `anonymous` is false: its stored responses then hold no respondent
/// identity and nothing that links one respondent's answers across surveys.
public struct Survey: Codable, Sendable, Hashable, Identifiable {
    /// Stable id, e.g. `asukaskysely-2025`.
    public var id: String
    public var title: LocalizedText
    /// An introduction shown above the questions.
    public var description: LocalizedText?
    public var questions: [SurveyQuestion]
    /// Who is asked, e.g. "75 vuotta täyttäneet".
    public var targetGroup: LocalizedText?
    /// How many people were asked; the response rate is counted against it.
    public var targetSize: Int?
    /// Answers are taken from this time on, if set.
    public var opensAt: Date?
    /// Answers are refused from this time on, if set.
    public var closesAt: Date?
    /// True (the default) when responses are stored without any respondent identity.
    public var anonymous: Bool
    /// True when results may be read while the survey is still open.
    public var resultsVisibleBeforeClose: Bool
    /// True when every answer needs a one-time invitation token.
    public var invitationOnly: Bool
    public var state: SurveyState
    /// When the survey was closed by hand (`survey.close`), if it was.
    public var closedAt: Date?

    public init(id: String, title: LocalizedText, description: LocalizedText? = nil, questions: [SurveyQuestion],
                targetGroup: LocalizedText? = nil, targetSize: Int? = nil, opensAt: Date? = nil, closesAt: Date? = nil,
                anonymous: Bool = true, resultsVisibleBeforeClose: Bool = false, invitationOnly: Bool = false,
                state: SurveyState = .draft) {
        self.id = id
        self.title = title
        self.description = description
        self.questions = questions
        self.targetGroup = targetGroup
        self.targetSize = targetSize
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.anonymous = anonymous
        self.resultsVisibleBeforeClose = resultsVisibleBeforeClose
        self.invitationOnly = invitationOnly
        self.state = state
    }

    enum CodingKeys: String, CodingKey {
        case id, title, description, questions, targetGroup, targetSize, opensAt, closesAt, anonymous,
             resultsVisibleBeforeClose, invitationOnly, state, closedAt
    }

    /// `anonymous` defaults to true, `resultsVisibleBeforeClose` and `invitationOnly` to false, `state` to draft.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), title: try c.decode(LocalizedText.self, forKey: .title),
                  description: try c.decodeIfPresent(LocalizedText.self, forKey: .description),
                  questions: try c.decode([SurveyQuestion].self, forKey: .questions),
                  targetGroup: try c.decodeIfPresent(LocalizedText.self, forKey: .targetGroup),
                  targetSize: try c.decodeIfPresent(Int.self, forKey: .targetSize),
                  opensAt: try c.decodeIfPresent(Date.self, forKey: .opensAt), closesAt: try c.decodeIfPresent(Date.self, forKey: .closesAt),
                  anonymous: try c.decode(.anonymous, default: true),
                  resultsVisibleBeforeClose: try c.decode(.resultsVisibleBeforeClose, default: false),
                  invitationOnly: try c.decode(.invitationOnly, default: false), state: try c.decode(.state, default: .draft))
        closedAt = try c.decodeIfPresent(Date.self, forKey: .closedAt)
    }

    /// True when answers are taken at `now`: the survey is open and `now` is within its open and close time.
    public func isAcceptingAnswers(at now: Date) -> Bool {
        guard state == .open else { return false }
        if let opensAt, now < opensAt { return false }
        if let closesAt, now >= closesAt { return false }
        return true
    }

    /// True when the survey is closed at `now`: closed by hand or past its close time.
    public func isClosed(at now: Date) -> Bool {
        if state == .closed { return true }
        if let closesAt, now >= closesAt { return true }
        return false
    }
}
