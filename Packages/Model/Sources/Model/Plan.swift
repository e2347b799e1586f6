import Foundation

/// What kind of plan this is.
public enum PlanKind: String, Codable, Sendable, CaseIterable {
    /// Hyvinvointisuunnitelma for a council term (4 years).
    case councilTermWelfarePlan = "council-term-welfare-plan"
    /// A year's plan derived from the council-term plan.
    case annualPlan = "annual-plan"
    /// A regional plan that municipalities and partners fill in (e.g. the children and youth plan).
    case regionalPlan = "regional-plan"
    /// A city strategy with welfare goals.
    case strategy
    /// Binding key goals of a centre for one year (sitovat tavoitteet).
    case bindingGoals = "binding-goals"
    case other
}

/// The life of a plan.
public enum PlanState: String, Codable, Sendable, CaseIterable {
    case draft, approved, archived
}

/// Who approved a plan and when, e.g. the council on 15.11.2021.
public struct Approval: Codable, Sendable, Hashable {
    /// The body, e.g. "Kaupunginvaltuusto".
    public var body: LocalizedText
    /// ISO date `YYYY-MM-DD`.
    public var date: String
    /// Minutes reference such as "§ 85", if known.
    public var reference: String?

    public init(body: LocalizedText, date: String, reference: String? = nil) {
        self.body = body
        self.date = date
        self.reference = reference
    }
}

/// The years a plan covers, inclusive.
public struct YearSpan: Codable, Sendable, Hashable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}

/// A plan's header: everything but its tree of items.
public struct Plan: Codable, Sendable, Hashable, Identifiable {
    /// Stable id, e.g. `loviisa-action-matrix-2021`.
    public var id: String
    public var kind: PlanKind
    public var title: LocalizedText
    public var period: YearSpan
    /// The organisation that owns the plan.
    public var owner: String
    /// Languages the plan is written in; the first is its primary language.
    public var languages: [Language]
    public var approval: Approval?
    public var state: PlanState
    /// The plan this one derives from (annual ← council-term; a municipality's part ← regional).
    public var parent: String?
    /// The names of the levels of the tree, top first: e.g. painopiste, tavoite, toimenpide.
    public var levels: [LocalizedText]
    /// Record version for optimistic concurrency.
    public var version: Int?

    public init(id: String, kind: PlanKind, title: LocalizedText, period: YearSpan, owner: String, languages: [Language] = [.fi],
                approval: Approval? = nil, state: PlanState = .draft, parent: String? = nil, levels: [LocalizedText],
                version: Int? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.period = period
        self.owner = owner
        self.languages = languages
        self.approval = approval
        self.state = state
        self.parent = parent
        self.levels = levels
        self.version = version
    }
}
