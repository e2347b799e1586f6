import BusCore
import Model

/// Refusals a resident sees, in Finnish, Swedish and English. A reply carries them in its error
/// `details` under the keys `fi`, `sv` and `en`, next to the English message for operators.
enum ResidentMessages {
    static let surveyNotOpen = LocalizedText(fi: "Kysely ei ole avoinna.", sv: "Enkäten är inte öppen.", en: "The survey is not open.")
    static let tokenUsed = LocalizedText(fi: "Tällä kutsulla on jo vastattu.", sv: "Den här inbjudan har redan använts.",
                                         en: "This invitation has already been used.")
    static let tokenUnknown = LocalizedText(fi: "Kutsu ei kelpaa tähän kyselyyn.", sv: "Inbjudan gäller inte den här enkäten.",
                                            en: "The invitation is not valid for this survey.")
    static let tokenMissing = LocalizedText(fi: "Kyselyyn vastataan kutsulla.", sv: "Enkäten besvaras med en inbjudan.",
                                            en: "This survey is answered by invitation.")
    static let votingClosed = LocalizedText(fi: "Äänestys on päättynyt. Ääntä ei voi enää antaa eikä muuttaa.",
                                            sv: "Omröstningen har avslutats. Rösten kan inte längre ges eller ändras.",
                                            en: "Voting has closed. A vote can no longer be cast or changed.")
    static let votingNotOpen = LocalizedText(fi: "Äänestys ei ole käynnissä.", sv: "Omröstningen pågår inte.",
                                             en: "Voting is not open.")
}

extension ServiceError {
    /// This error with `text` for the resident in `details` (`fi`, `sv`, `en`).
    func withResidentText(_ text: LocalizedText) -> ServiceError {
        var error = self
        var details = error.body.details ?? [:]
        for language in Language.allCases { details[language.rawValue] = text[language] }
        error.body.details = details
        return error
    }
}

extension BallotRefusal {
    /// The reason for the voter, in Finnish, Swedish and English; amounts as Finnish and Swedish write them.
    public var text: LocalizedText {
        switch self {
        case .empty:
            LocalizedText(fi: "Valitse vähintään yksi hanke.", sv: "Välj minst ett projekt.", en: "Choose at least one project.")
        case .unknownProject(let id):
            LocalizedText(fi: "Hanke ”\(id)” ei ole äänestettävänä.", sv: "Projektet ”\(id)” går inte att rösta på.",
                          en: "Project “\(id)” is not on the ballot.")
        case .chosenTwice(let id):
            LocalizedText(fi: "Hanke ”\(id)” on valittu kahdesti.", sv: "Projektet ”\(id)” har valts två gånger.",
                          en: "Project “\(id)” is chosen twice.")
        case .tooManyChoices(_, let allowed):
            LocalizedText(fi: "Valitse enintään \(allowed) hanketta.", sv: "Välj högst \(allowed) projekt.",
                          en: "Choose at most \(allowed) projects.")
        case .overBudget(let cost, let budget):
            LocalizedText(fi: "Valitut hankkeet maksavat yhteensä \(Self.euro(cost)), enemmän kuin budjetti \(Self.euro(budget)).",
                          sv: "De valda projekten kostar sammanlagt \(Self.euro(cost)), mer än budgeten \(Self.euro(budget)).",
                          en: "The chosen projects cost \(Cents(euro: cost)?.description ?? "\(cost) €") in total, "
                              + "more than the budget of \(Cents(euro: budget)?.description ?? "\(budget) €").")
        }
    }

    /// `60 000 €` or `60 000,50 €`: a space between thousands and a decimal comma.
    static func euro(_ amount: Double) -> String {
        guard let cents = Cents(euro: amount) else { return "\(amount) €" }
        var whole = String(cents.value / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "\u{00A0}" + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        let rest = cents.value % 100
        return rest == 0 ? "\(grouped) €" : "\(grouped),\(rest < 10 ? "0" : "")\(rest) €"
    }
}
