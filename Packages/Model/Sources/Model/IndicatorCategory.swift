import Foundation

/// The theme an indicator belongs to, as the regional plan groups its 32 indicators.
public enum IndicatorCategory: String, Codable, Sendable, CaseIterable, Hashable {
    /// Väestön kehitys: population forecasts, births, age structure.
    case population
    /// Elintaso & työssäkäynti: income, unemployment.
    case standardOfLiving = "standard-of-living"
    /// Hyvinvointi, osallisuus & vapaa-aika.
    case welfareAndLeisure = "welfare-and-leisure"
    /// Lastensuojelu.
    case childProtection = "child-protection"
    /// Tuen saanti.
    case accessToSupport = "access-to-support"
    /// Terveys & elintavat.
    case healthAndHabits = "health-and-habits"

    /// The category's name as the plan writes it, in Finnish, Swedish and English.
    public var label: LocalizedText {
        switch self {
        case .population: LocalizedText(fi: "Väestön kehitys", sv: "Befolkningsutveckling", en: "Population")
        case .standardOfLiving: LocalizedText(fi: "Elintaso ja työssäkäynti", sv: "Levnadsstandard och sysselsättning",
                                              en: "Standard of living and employment")
        case .welfareAndLeisure: LocalizedText(fi: "Hyvinvointi, osallisuus ja vapaa-aika", sv: "Välfärd, delaktighet och fritid",
                                               en: "Wellbeing, participation and leisure")
        case .childProtection: LocalizedText(fi: "Lastensuojelu", sv: "Barnskydd", en: "Child protection")
        case .accessToSupport: LocalizedText(fi: "Tuen saanti", sv: "Tillgång till stöd", en: "Access to support")
        case .healthAndHabits: LocalizedText(fi: "Terveys ja elintavat", sv: "Hälsa och levnadsvanor", en: "Health and habits")
        }
    }
}
