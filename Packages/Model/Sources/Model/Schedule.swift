import Foundation

/// Whether an action is tried out, permanent, or first one then the other.
public enum ScheduleMode: String, Codable, Sendable, CaseIterable {
    case trial
    case permanent
    case trialThenPermanent = "trial-then-permanent"
}

/// When an action takes place: the text as the plan writes it, and what can be read from it.
public struct Schedule: Codable, Sendable, Hashable {
    /// As written, e.g. "Selvitys 2021, käyttöönotto 2022–2023" or "Jatkuva".
    public var text: String
    public var startYear: Int?
    public var endYear: Int?
    /// "Jatkuva", "2020 alkaen", "vuosittain": no end.
    public var continuous: Bool
    public var mode: ScheduleMode?

    public init(text: String, startYear: Int? = nil, endYear: Int? = nil, continuous: Bool = false, mode: ScheduleMode? = nil) {
        self.text = text
        self.startYear = startYear
        self.endYear = endYear
        self.continuous = continuous
        self.mode = mode
    }

    /// Reads years, "continuous" and trial/permanent from a Finnish or Swedish schedule text.
    /// Words it does not know are kept in `text` and simply not interpreted.
    public init(parsing text: String) {
        let lower = text.lowercased()
        var years: [Int] = []
        var digits = ""
        for character in lower + " " {
            if character.isASCII, character.isNumber {
                digits.append(character)
            } else {
                if digits.count == 4, let year = Int(digits), (1990...2100).contains(year) { years.append(year) }
                digits = ""
            }
        }
        let continuousWords = ["jatkuva", "alkaen", "aloitettu", "påbörjad", "vuosittain", "pysyvä", "kontinuerlig", "fortlöpande", "från och med",
                               "årligen", "ongoing", "continuous", "annually", "onwards"]
        let trialWords = ["kokeilu", "pilotti", "försök", "pilot", "trial"]
        let permanentWords = ["pysyvä", "vakiinnut", "permanent", "bestående"]
        let isTrial = trialWords.contains { lower.contains($0) }
        let isPermanent = permanentWords.contains { lower.contains($0) }
        let mode: ScheduleMode? = switch (isTrial, isPermanent) {
        case (true, true): .trialThenPermanent
        case (true, false): .trial
        case (false, true): .permanent
        case (false, false): nil
        }
        let continuous = continuousWords.contains { lower.contains($0) }
        self.init(text: text, startYear: years.min(), endYear: continuous && years.count < 2 ? nil : years.max(),
                  continuous: continuous, mode: mode)
    }
}
