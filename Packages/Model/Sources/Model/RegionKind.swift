import Foundation

/// What kind of area a region is.
public enum RegionKind: String, Codable, Sendable, CaseIterable, Hashable {
    /// Kunta.
    case municipality
    /// Hyvinvointialue (wellbeing services county).
    case wellbeingCounty = "wellbeing-county"
    /// Maakunta.
    case region
    /// Koko maa.
    case wholeCountry = "whole-country"
    /// Any other area (sub-region, hospital district, …).
    case other

    /// The kind of a Sotkanet region `category`: `KUNTA`, `HYVINVOINTIALUE`, `MAAKUNTA`, `MAA`; anything else is `other`.
    public init(sotkanetCategory: String) {
        switch sotkanetCategory.uppercased() {
        case "KUNTA": self = .municipality
        case "HYVINVOINTIALUE": self = .wellbeingCounty
        case "MAAKUNTA": self = .region
        case "MAA", "KOKO_MAA": self = .wholeCountry
        default: self = .other
        }
    }
}
