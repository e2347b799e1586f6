import Foundation

/// Preventive work is aimed at 70 %, early support 25 %, intensive support 5 % (regional plan).
public enum PreventionLevel: String, Codable, Sendable, CaseIterable {
    /// Ennaltaehkäisevä.
    case preventive
    /// Varhainen tuki.
    case earlySupport = "early-support"
    /// Tehostettu tuki.
    case intensive
}

/// How hard a change is judged to be (helppo / keskivaikea / vaikea).
public enum Difficulty: String, Codable, Sendable, CaseIterable {
    case easy, medium, hard
}

/// How much impact a change is judged to have (korkea / melko korkea).
public enum Impact: String, Codable, Sendable, CaseIterable {
    case high
    case fairlyHigh = "fairly-high"
}

/// Who is responsible for an action: an organisation of the registry, or a role written as text.
public struct ResponsibleParty: Codable, Sendable, Hashable {
    /// The organisation's id, when it is in the registry.
    public var organisation: String?
    /// A role or name as the plan writes it ("rehtorit", "hyvinvointikoordinaattori").
    public var role: LocalizedText?

    public init(organisation: String? = nil, role: LocalizedText? = nil) {
        self.organisation = organisation
        self.role = role
    }
}

/// The details that make a plan item an action (toimenpide).
public struct ActionDetails: Codable, Sendable, Hashable {
    public var responsible: [ResponsibleParty]
    public var schedule: Schedule?
    public var targetGroups: [LocalizedText]
    public var preventionLevels: [PreventionLevel]
    /// Resources ("resurssit"), as text.
    public var resources: LocalizedText?
    /// Notes such as "seuranta / arviointi / ohjaus".
    public var notes: LocalizedText?
    /// Linked projects such as "ITUA-hanke".
    public var projects: [String]

    public init(responsible: [ResponsibleParty] = [], schedule: Schedule? = nil, targetGroups: [LocalizedText] = [],
                preventionLevels: [PreventionLevel] = [], resources: LocalizedText? = nil, notes: LocalizedText? = nil,
                projects: [String] = []) {
        self.responsible = responsible
        self.schedule = schedule
        self.targetGroups = targetGroups
        self.preventionLevels = preventionLevels
        self.resources = resources
        self.notes = notes
        self.projects = projects
    }
}

/// The judged difficulty and impact of a sub-goal (regional plan).
public struct Assessment: Codable, Sendable, Hashable {
    public var difficulty: Difficulty?
    public var impact: Impact?
    public init(difficulty: Difficulty? = nil, impact: Impact? = nil) {
        self.difficulty = difficulty
        self.impact = impact
    }
}

/// A node of a plan's tree: a focus area, a goal, a sub-goal or an action, at any depth.
public struct PlanItem: Codable, Sendable, Hashable {
    /// The item's number within the plan, unique in it: "1", "1.2", "1.2.3", or "I", "I.1".
    public var number: String
    public var title: LocalizedText
    public var description: LocalizedText?
    /// Present when the item is an action.
    public var action: ActionDetails?
    /// Present for sub-goals that carry a difficulty and impact judgement.
    public var assessment: Assessment?
    public var measures: [Measure]
    /// Ids of statistical indicators the item follows.
    public var indicators: [String]
    public var children: [PlanItem]

    public init(number: String, title: LocalizedText, description: LocalizedText? = nil, action: ActionDetails? = nil,
                assessment: Assessment? = nil, measures: [Measure] = [], indicators: [String] = [], children: [PlanItem] = []) {
        self.number = number
        self.title = title
        self.description = description
        self.action = action
        self.assessment = assessment
        self.measures = measures
        self.indicators = indicators
        self.children = children
    }

    /// This item and all below it, depth first, with their depth (0 for this one).
    public func flattened(depth: Int = 0) -> [(item: PlanItem, depth: Int)] {
        [(self, depth)] + children.flatMap { $0.flattened(depth: depth + 1) }
    }
}
