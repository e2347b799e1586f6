import Foundation

/// A statistical indicator as a catalogue knows it: what it measures, where it comes from, and
/// how its values are read (unit, decimals, which direction is better).
public struct IndicatorDefinition: Codable, Sendable, Hashable, Identifiable {
    /// Unique within a catalogue, e.g. `"28"` (the regional plan's number) or `"sotkanet-186"`.
    public var id: String
    /// The indicator's name.
    public var name: LocalizedText
    /// What the indicator measures and how it is computed.
    public var description: LocalizedText?
    /// Where the values come from, as written under the indicator, e.g. "Kouluterveyskysely 2019".
    public var source: String
    /// The unit of the values.
    public var unit: IndicatorUnit
    /// Decimals to show.
    public var decimals: Int
    /// Whether a higher value is better.
    public var direction: Direction
    /// The theme the indicator belongs to.
    public var category: IndicatorCategory?
    /// The population groups values are given for; empty when values are for the whole population only.
    public var groups: [IndicatorPopulationGroup]
    /// The indicator's id in THL's Sotkanet, if it is one of Sotkanet's.
    public var sotkanetId: Int?
    /// The organisation that produces the values, e.g. "Tilastokeskus".
    public var provider: LocalizedText?
    /// Terms of use, e.g. "CC BY 4.0" or "third-party indicator: only by separate agreement".
    public var licence: String?
    /// A comparison rule that replaces the default one for this indicator.
    public var comparisonRule: IndicatorComparisonRule?
    /// The id of the indicator this one is a part of (the parts of "16" in the regional plan).
    public var partOf: String?

    /// An indicator; only id, name, source, unit and direction are required.
    public init(id: String, name: LocalizedText, description: LocalizedText? = nil, source: String,
                unit: IndicatorUnit, decimals: Int = 0, direction: Direction, category: IndicatorCategory? = nil,
                groups: [IndicatorPopulationGroup] = [], sotkanetId: Int? = nil, provider: LocalizedText? = nil,
                licence: String? = nil, comparisonRule: IndicatorComparisonRule? = nil, partOf: String? = nil) {
        self.id = id
        self.name = name
        self.description = description
        self.source = source
        self.unit = unit
        self.decimals = decimals
        self.direction = direction
        self.category = category
        self.groups = groups
        self.sotkanetId = sotkanetId
        self.provider = provider
        self.licence = licence
        self.comparisonRule = comparisonRule
        self.partOf = partOf
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(LocalizedText.self, forKey: .name)
        description = try container.decodeIfPresent(LocalizedText.self, forKey: .description)
        source = try container.decode(String.self, forKey: .source)
        unit = try container.decode(IndicatorUnit.self, forKey: .unit)
        decimals = try container.decodeIfPresent(Int.self, forKey: .decimals) ?? 0
        direction = try container.decode(Direction.self, forKey: .direction)
        category = try container.decodeIfPresent(IndicatorCategory.self, forKey: .category)
        groups = try container.decodeIfPresent([IndicatorPopulationGroup].self, forKey: .groups) ?? []
        sotkanetId = try container.decodeIfPresent(Int.self, forKey: .sotkanetId)
        provider = try container.decodeIfPresent(LocalizedText.self, forKey: .provider)
        licence = try container.decodeIfPresent(String.self, forKey: .licence)
        comparisonRule = try container.decodeIfPresent(IndicatorComparisonRule.self, forKey: .comparisonRule)
        partOf = try container.decodeIfPresent(String.self, forKey: .partOf)
    }
}
