import Model

/// Every label that the plan reports print, in Finnish, Swedish and English.
enum ReportTerm: CaseIterable, Sendable {
    case actionMatrix, followUp, dashboard, annualReport, termReport, indicatorOverview
    case generated, period, number, measure, measures, responsible, status, statusText, notReported
    case statusSummary, byFocusArea, byOrganisation, missingReports, noMissingReports, total, share, count, actions
    case noOrganisation, valueMeasures, baseline, latest, target, attainment, onTrack, offTrack, noValue
    case indicators, colourClass, trend, wholeCountry, wellbeingCounty, source, year, unit, value
    case changes, previousStatus, currentStatus, noChanges, noPreviousPeriod
    case developments, positive, negative, noneGiven, participation, participationEmpty, participationUnavailable,
         participationMeasures, participationFigure, statusHistory
    case category, populationGroup, byCategory, bySubGoal, uncategorised, summary, planStructure
    case reported, missing, plan, item, indicatorsByClass, statusByFocusArea, linkedItems, noIndicators
    case assessment, shares, chartData, reportedShare, doneShare, focusArea, onOffTrack, indicatorValues, noMeasures

    /// The term in `language`.
    func text(_ language: Language) -> String {
        let (fi, sv, en) = words
        return switch language {
        case .fi: fi
        case .sv: sv
        case .en: en
        }
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    private var words: (String, String, String) {
        switch self {
        case .actionMatrix: ("Toimenpidematriisi", "Åtgärdsmatris", "Action matrix")
        case .followUp: ("Seurantaraportti", "Uppföljningsrapport", "Follow-up report")
        case .dashboard: ("Johdon työpöytä", "Ledningens översikt", "Management dashboard")
        case .annualReport: ("Vuosittainen hyvinvointikertomus", "Årlig välfärdsberättelse", "Annual welfare report")
        case .termReport: ("Valtuustokauden hyvinvointikertomus", "Välfärdsberättelse för fullmäktigeperioden", "Council-term welfare report")
        case .indicatorOverview: ("Indikaattorikatsaus", "Indikatoröversikt", "Indicator overview")
        case .generated: ("Laadittu", "Skapad", "Generated")
        case .period: ("Kausi", "Period", "Period")
        case .number: ("Nro", "Nr", "No.")
        case .measure: ("Mittari", "Mätare", "Measure")
        case .measures: ("Mittarit", "Mätare", "Measures")
        case .responsible: ("Vastuutaho", "Ansvarig", "Responsible party")
        case .status: ("Tila", "Status", "Status")
        case .statusText: ("Tilanne kaudella", "Läget under perioden", "Status report for the period")
        case .notReported: ("ei raportoitu", "inte rapporterad", "not reported")
        case .statusSummary: ("Tilannekooste", "Sammanfattning av läget", "Status summary")
        case .byFocusArea: ("Painopisteittäin", "Per fokusområde", "By focus area")
        case .byOrganisation: ("Vastuutahoittain", "Per ansvarig organisation", "By responsible organisation")
        case .missingReports: ("Puuttuvat tilannetiedot", "Saknade lägesrapporter", "Missing status reports")
        case .noMissingReports: ("Kaikista toimenpiteistä on tilannetieto.", "Alla åtgärder har en lägesrapport.",
                                 "Every action has a status report.")
        case .total: ("Yhteensä", "Totalt", "Total")
        case .share: ("Osuus", "Andel", "Share")
        case .count: ("Lukumäärä", "Antal", "Count")
        case .actions: ("Toimenpiteet", "Åtgärder", "Actions")
        case .noOrganisation: ("Ei organisaatiota", "Ingen organisation", "No organisation")
        case .valueMeasures: ("Arvomittarit", "Värdemätare", "Value measures")
        case .baseline: ("Lähtötaso", "Utgångsläge", "Baseline")
        case .latest: ("Viimeisin arvo", "Senaste värde", "Latest value")
        case .target: ("Tavoite", "Mål", "Target")
        case .attainment: ("Toteutuma", "Måluppfyllelse", "Attainment")
        case .onTrack: ("✓ tavoitteen suunnassa", "✓ på väg mot målet", "✓ on track")
        case .offTrack: ("✕ jäljessä tavoitteesta", "✕ efter målet", "✕ off track")
        case .noValue: ("ei arvoa", "inget värde", "no value")
        case .indicators: ("Indikaattorit", "Indikatorer", "Indicators")
        case .colourClass: ("Väriluokka", "Färgklass", "Colour class")
        case .trend: ("Suunta", "Trend", "Trend")
        case .wholeCountry: ("Koko maa", "Hela landet", "Whole country")
        case .wellbeingCounty: ("Hyvinvointialue", "Välfärdsområde", "Wellbeing services county")
        case .source: ("Lähde", "Källa", "Source")
        case .year: ("Vuosi", "År", "Year")
        case .unit: ("Yksikkö", "Enhet", "Unit")
        case .value: ("Arvo", "Värde", "Value")
        case .changes: ("Muutokset edelliseen kauteen", "Förändringar sedan föregående period", "Changes since the previous period")
        case .previousStatus: ("Edellinen tila", "Föregående status", "Previous status")
        case .currentStatus: ("Nykyinen tila", "Nuvarande status", "Current status")
        case .noChanges: ("Ei tilamuutoksia edelliseen kauteen.", "Inga statusförändringar sedan föregående period.",
                          "No status changes since the previous period.")
        case .noPreviousPeriod: ("Edellisen kauden tilannetietoja ei ole.", "Det finns inga lägesrapporter för föregående period.",
                                 "There are no status reports for a previous period.")
        case .developments: ("Myönteinen ja kielteinen kehitys", "Positiv och negativ utveckling", "Positive and negative developments")
        case .positive: ("Myönteistä kehitystä", "Positiv utveckling", "Positive developments")
        case .negative: ("Kielteistä kehitystä", "Negativ utveckling", "Negative developments")
        case .noneGiven: ("Ei kirjattu.", "Inte angivet.", "None recorded.")
        case .participation: ("Osallisuuden tulokset", "Resultat av delaktigheten", "Results of participation")
        case .participationEmpty: ("Osallisuuden tuloksia ei ole vielä kirjattu.", "Inga resultat av delaktigheten har registrerats ännu.",
                                   "No participation results have been recorded yet.")
        case .participationUnavailable: ("Osallisuuden tuloksia ei saatu: osallisuuspalvelu ei ole käynnissä.",
                                         "Resultaten av delaktigheten kunde inte hämtas: tjänsten för delaktighet körs inte.",
                                         "Participation results could not be read: the participation service is not running.")
        case .participationMeasures: ("Osallisuuden tuloksiin sidotut mittarit", "Mätare som följer resultat av delaktigheten",
                                      "Measures that follow participation results")
        case .participationFigure: ("Osallisuuden tulos", "Resultat av delaktigheten", "Participation result")
        case .statusHistory: ("Tilahistoria", "Statushistorik", "Status history")
        case .category: ("Luokka", "Kategori", "Category")
        case .populationGroup: ("Väestöryhmä", "Befolkningsgrupp", "Population group")
        case .byCategory: ("Indikaattorit luokittain", "Indikatorer per kategori", "Indicators by category")
        case .bySubGoal: ("Indikaattorit tavoitteittain", "Indikatorer per mål", "Indicators by goal")
        case .uncategorised: ("Luokittelemattomat", "Utan kategori", "Uncategorised")
        case .summary: ("Yhteenveto", "Sammanfattning", "Summary")
        case .planStructure: ("Tavoitteet ja toimenpiteet", "Mål och åtgärder", "Goals and actions")
        case .reported: ("Raportoitu", "Rapporterade", "Reported")
        case .missing: ("Puuttuu", "Saknas", "Missing")
        case .plan: ("Suunnitelma", "Plan", "Plan")
        case .item: ("Kohta", "Punkt", "Item")
        case .indicatorsByClass: ("Indikaattorit väriluokittain", "Indikatorer per färgklass", "Indicators by colour class")
        case .statusByFocusArea: ("Toimenpiteiden tila painopisteittäin", "Åtgärdernas status per fokusområde",
                                  "Status of actions by focus area")
        case .linkedItems: ("Liittyy kohtiin", "Hör till punkterna", "Linked items")
        case .noIndicators: ("Indikaattoreita ei ole annettu.", "Inga indikatorer har angetts.", "No indicators were given.")
        case .shares: ("osuudet", "andelar", "shares")
        case .assessment: ("Arvio", "Bedömning", "Assessment")
        case .chartData: ("Kaavion tiedot", "Diagrammets data", "Chart data")
        case .reportedShare: ("Raportoitu osuus", "Rapporterad andel", "Share reported")
        case .doneShare: ("Toteutunut osuus", "Genomförd andel", "Share done")
        case .focusArea: ("Painopiste", "Fokusområde", "Focus area")
        case .onOffTrack: ("Tavoitteen saavuttaminen", "Måluppfyllelse", "On or off track")
        case .indicatorValues: ("Arvot vuosittain", "Värden per år", "Values by year")
        case .noMeasures: ("Arvomittareita, joilla on lähtötaso ja tavoite, ei ole.", "Det finns inga värdemätare med utgångsläge och mål.",
                           "There are no value measures with a baseline and a target.")
        }
    }
}
