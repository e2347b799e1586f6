import Foundation

/// The population group a value describes: "4.–5. luokkalaiset", "4-vuotiaiden huoltajat", ….
///
/// Identified by a short id string so that sources with groups of their own can be carried; the
/// groups of the regional plan and of the School Health Promotion study have constants and
/// labels in Finnish, Swedish and English. Encoded as the bare id string.
public struct IndicatorPopulationGroup: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The group's id, e.g. `grades-4-5`.
    public var id: String

    /// A group with the given id.
    public init(_ id: String) { self.id = id }

    /// Pupils of grades 4 and 5 of basic education (4.–5. luokkalaiset).
    public static let grades4to5 = IndicatorPopulationGroup("grades-4-5")
    /// Pupils of grades 8 and 9 of basic education (8.–9. luokkalaiset).
    public static let grades8to9 = IndicatorPopulationGroup("grades-8-9")
    /// General upper secondary students (lukiolaiset).
    public static let upperSecondary = IndicatorPopulationGroup("upper-secondary")
    /// Vocational students (ammattikoululaiset).
    public static let vocational = IndicatorPopulationGroup("vocational")
    /// Guardians of 4-year-old children (4-vuotiaiden huoltajat).
    public static let guardiansOf4YearOlds = IndicatorPopulationGroup("guardians-of-4-year-olds")
    /// The whole population (koko väestö).
    public static let wholePopulation = IndicatorPopulationGroup("whole-population")
    /// Children aged 0–6.
    public static let ages0to6 = IndicatorPopulationGroup("ages-0-6")
    /// Children aged 7–15.
    public static let ages7to15 = IndicatorPopulationGroup("ages-7-15")
    /// Children aged 0–17.
    public static let ages0to17 = IndicatorPopulationGroup("ages-0-17")

    /// The groups that have labels.
    public static let known: [IndicatorPopulationGroup] = [
        .grades4to5, .grades8to9, .upperSecondary, .vocational, .guardiansOf4YearOlds, .wholePopulation,
        .ages0to6, .ages7to15, .ages0to17,
    ]

    /// The group's name in Finnish, Swedish and English; for an unknown group the id in every language.
    public var label: LocalizedText {
        switch id {
        case "grades-4-5": LocalizedText(fi: "4.–5. luokkalaiset", sv: "elever i årskurs 4–5", en: "pupils in grades 4–5")
        case "grades-8-9": LocalizedText(fi: "8.–9. luokkalaiset", sv: "elever i årskurs 8–9", en: "pupils in grades 8–9")
        case "upper-secondary": LocalizedText(fi: "lukiolaiset", sv: "gymnasiestuderande", en: "upper secondary students")
        case "vocational": LocalizedText(fi: "ammattikoululaiset", sv: "yrkesstuderande", en: "vocational students")
        case "guardians-of-4-year-olds": LocalizedText(fi: "4-vuotiaiden huoltajat", sv: "vårdnadshavare till 4-åringar",
                                                       en: "guardians of 4-year-olds")
        case "whole-population": LocalizedText(fi: "koko väestö", sv: "hela befolkningen", en: "whole population")
        case "ages-0-6": LocalizedText(fi: "0–6-vuotiaat", sv: "0–6-åringar", en: "children aged 0–6")
        case "ages-7-15": LocalizedText(fi: "7–15-vuotiaat", sv: "7–15-åringar", en: "children aged 7–15")
        case "ages-0-17": LocalizedText(fi: "0–17-vuotiaat", sv: "0–17-åringar", en: "children aged 0–17")
        default: LocalizedText(fi: id, sv: id, en: id)
        }
    }

    public var description: String { id }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.id < rhs.id }

    public init(from decoder: any Decoder) throws {
        id = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
