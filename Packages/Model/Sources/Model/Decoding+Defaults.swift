import Foundation

extension KeyedDecodingContainer {
    /// Decodes a value that a hand-written file may leave out.
    func decode<T: Decodable>(_ key: Key, default defaultValue: @autoclosure () -> T) throws -> T {
        try decodeIfPresent(T.self, forKey: key) ?? defaultValue()
    }
}

extension PlanItem {
    enum CodingKeys: String, CodingKey {
        case number, title, description, action, assessment, measures, indicators, children
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(number: try c.decode(String.self, forKey: .number), title: try c.decode(LocalizedText.self, forKey: .title),
                  description: try c.decodeIfPresent(LocalizedText.self, forKey: .description),
                  action: try c.decodeIfPresent(ActionDetails.self, forKey: .action),
                  assessment: try c.decodeIfPresent(Assessment.self, forKey: .assessment),
                  measures: try c.decode(.measures, default: []), indicators: try c.decode(.indicators, default: []),
                  children: try c.decode(.children, default: []))
    }
}

extension ActionDetails {
    enum CodingKeys: String, CodingKey {
        case responsible, schedule, targetGroups, preventionLevels, resources, notes, projects
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(responsible: try c.decode(.responsible, default: []), schedule: try c.decodeIfPresent(Schedule.self, forKey: .schedule),
                  targetGroups: try c.decode(.targetGroups, default: []), preventionLevels: try c.decode(.preventionLevels, default: []),
                  resources: try c.decodeIfPresent(LocalizedText.self, forKey: .resources),
                  notes: try c.decodeIfPresent(LocalizedText.self, forKey: .notes), projects: try c.decode(.projects, default: []))
    }
}

extension Schedule {
    enum CodingKeys: String, CodingKey { case text, startYear, endYear, continuous, mode }

    /// A schedule given only as `text` is read from the text; explicit fields win.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let parsed = Schedule(parsing: try c.decode(String.self, forKey: .text))
        self.init(text: parsed.text, startYear: try c.decodeIfPresent(Int.self, forKey: .startYear) ?? parsed.startYear,
                  endYear: try c.decodeIfPresent(Int.self, forKey: .endYear) ?? parsed.endYear,
                  continuous: try c.decodeIfPresent(Bool.self, forKey: .continuous) ?? parsed.continuous,
                  mode: try c.decodeIfPresent(ScheduleMode.self, forKey: .mode) ?? parsed.mode)
    }
}

extension StatusReport {
    enum CodingKeys: String, CodingKey { case item, period, status, reason, narrative, values, reporter, reportedAt }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(item: try c.decode(String.self, forKey: .item), period: try c.decode(ReportingPeriod.self, forKey: .period),
                  status: try c.decode(ActionStatus.self, forKey: .status), reason: try c.decodeIfPresent(LocalizedText.self, forKey: .reason),
                  narrative: try c.decodeIfPresent(LocalizedText.self, forKey: .narrative), values: try c.decode(.values, default: []),
                  reporter: try c.decodeIfPresent(String.self, forKey: .reporter),
                  reportedAt: try c.decodeIfPresent(Date.self, forKey: .reportedAt))
    }
}

extension Plan {
    enum CodingKeys: String, CodingKey { case id, kind, title, period, owner, languages, approval, state, parent, levels, version }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), kind: try c.decode(PlanKind.self, forKey: .kind),
                  title: try c.decode(LocalizedText.self, forKey: .title), period: try c.decode(YearSpan.self, forKey: .period),
                  owner: try c.decode(String.self, forKey: .owner), languages: try c.decode(.languages, default: [.fi]),
                  approval: try c.decodeIfPresent(Approval.self, forKey: .approval), state: try c.decode(.state, default: .draft),
                  parent: try c.decodeIfPresent(String.self, forKey: .parent), levels: try c.decode([LocalizedText].self, forKey: .levels),
                  version: try c.decodeIfPresent(Int.self, forKey: .version))
    }
}

extension Organisation {
    enum CodingKeys: String, CodingKey { case id, kind, name, parentId, version }

    /// `version` may be left out of a file; it is 1 then.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), kind: try c.decode(OrganisationKind.self, forKey: .kind),
                  name: try c.decode(LocalizedText.self, forKey: .name), parentId: try c.decodeIfPresent(String.self, forKey: .parentId),
                  version: try c.decode(.version, default: 1))
    }
}
