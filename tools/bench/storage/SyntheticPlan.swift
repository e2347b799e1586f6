import Foundation
import Model

/// A synthetic plan of `areas` focus areas × `goals` goals × `actions` actions, each action with
/// one measure and four half-year status reports, all with Finnish texts of realistic length.
struct SyntheticPlan {
    static let organisation = Organisation(id: "loviisa", kind: .municipality, name: LocalizedText(fi: "Loviisan kaupunki"))
    static let periods = ["2021H1", "2021H2", "2022H1", "2022H2"]

    var document: PlanDocument

    /// Plan items (areas, goals and actions) plus status reports: the rows a run writes.
    var rows: Int { document.allItems.count + document.statusReports.count }

    init(areas: Int, goals: Int, actions: Int) throws {
        var items: [PlanItem] = []
        var reports: [StatusReport] = []
        let reportedAt = Date(timeIntervalSince1970: 1_656_000_000)
        let statuses: [ActionStatus] = [.inProgress, .done, .notStarted, .postponed]
        for area in 1...areas {
            var goalItems: [PlanItem] = []
            for goal in 1...goals {
                var actionItems: [PlanItem] = []
                for action in 1...actions {
                    let number = "\(area).\(goal).\(action)"
                    let measure = Measure(id: "m-\(number)", kind: .count,
                                          title: LocalizedText(fi: "Toimenpiteeseen \(number) osallistuneiden asukkaiden määrä vuodessa"),
                                          unit: "hlö", baseline: YearValue(year: 2020, value: 40),
                                          target: YearValue(year: 2022, value: 120), direction: .higherIsBetter)
                    let details = ActionDetails(
                        responsible: [ResponsibleParty(organisation: Self.organisation.id,
                                                       role: LocalizedText(fi: "Hyvinvointikoordinaattori ja perusturvakeskuksen johtoryhmä"))],
                        targetGroups: [LocalizedText(fi: "Lapsiperheet"), LocalizedText(fi: "Ikääntyneet kotona asuvat")],
                        preventionLevels: [.preventive, .earlySupport],
                        resources: LocalizedText(fi: "Nykyisten resurssien puitteissa; hankerahoitusta haetaan tarvittaessa."))
                    actionItems.append(PlanItem(
                        number: number,
                        title: LocalizedText(fi: Self.phrase(action, Self.actionTitles) + " (\(number))"),
                        description: LocalizedText(fi: Self.phrase(action + goal, Self.descriptions)),
                        action: details, assessment: Assessment(difficulty: .medium, impact: .high),
                        measures: [measure]))
                    for (index, period) in Self.periods.enumerated() {
                        reports.append(StatusReport(
                            item: number, period: try ReportingPeriod(parsing: period), status: statuses[(action + index) % 4],
                            narrative: LocalizedText(fi: Self.phrase(action + index, Self.narratives)),
                            values: [MeasureValue(measure: measure.id, value: Double(40 + 20 * index + action % 7))],
                            reporter: "hyvinvointikoordinaattori",
                            reportedAt: reportedAt.addingTimeInterval(Double(index) * 15_552_000)))
                    }
                }
                goalItems.append(PlanItem(number: "\(area).\(goal)",
                                          title: LocalizedText(fi: Self.phrase(goal, Self.goalTitles)),
                                          description: LocalizedText(fi: Self.phrase(goal, Self.descriptions)),
                                          children: actionItems))
            }
            items.append(PlanItem(number: "\(area)", title: LocalizedText(fi: Self.phrase(area, Self.areaTitles)),
                                  children: goalItems))
        }
        let plan = Plan(id: "bench-loviisa-\(areas)x\(goals)x\(actions)", kind: .councilTermWelfarePlan,
                        title: LocalizedText(fi: "Loviisan hyvinvointisuunnitelma 2021–2025 (synteettinen)"),
                        period: YearSpan(start: 2021, end: 2025), owner: Self.organisation.id,
                        levels: [LocalizedText(fi: "Painopistealue"), LocalizedText(fi: "Tavoite"), LocalizedText(fi: "Toimenpide")])
        document = PlanDocument(plan: plan, organisations: [], items: items, statusReports: reports)
    }

    private static func phrase(_ index: Int, _ phrases: [String]) -> String { phrases[index % phrases.count] }

    private static let areaTitles = [
        "Lasten, nuorten ja perheiden hyvinvointi ja osallisuus",
        "Työikäisten terveys, toimintakyky ja työllisyys",
        "Ikääntyneiden kotona asumisen tukeminen ja yksinäisyyden vähentäminen",
        "Mielenterveyden ja päihteettömyyden edistäminen kaikissa ikäryhmissä",
    ]
    private static let goalTitles = [
        "Liikkumattomuus vähenee ja arkiliikunta lisääntyy",
        "Yhä useampi kokee kuuluvansa yhteisöön ja voivansa vaikuttaa",
        "Palvelut löytyvät helposti ja oikea-aikaisesti",
        "Terveyserot kaventuvat eri väestöryhmien välillä",
    ]
    private static let actionTitles = [
        "Perhekeskuksen avoimen kohtaamispaikan toiminnan laajentaminen",
        "Liikuntaneuvonnan palveluketjun käyttöönotto terveysasemalla",
        "Koulujen välituntiliikunnan kehittäminen yhdessä oppilaskuntien kanssa",
        "Ikäihmisten kotona asumista tukevien kotikäyntien vakiinnuttaminen",
        "Matalan kynnyksen mielenterveyspalvelujen tarjoaminen nuorille",
    ]
    private static let descriptions = [
        "Toimenpiteellä vahvistetaan varhaista tukea ja palveluiden yhteensovittamista. Kunnan toimialat, järjestöt ja seurakunta suunnittelevat toiminnan yhdessä, ja asukkaiden kokemuksia kerätään säännöllisesti palautekyselyllä.",
        "Tavoitteena on, että palvelut ovat saavutettavia myös niille, jotka eivät itse hakeudu niiden piiriin. Toimintaa toteutetaan kaksikielisesti, ja tiedotuksessa hyödynnetään sekä sähköisiä kanavia että paikallislehteä.",
        "Työ perustuu hyvinvointikertomuksen havaintoihin ja kouluterveyskyselyn tuloksiin. Toteutumista seurataan puolivuosittain hyvinvointiryhmässä, ja tulokset raportoidaan kaupunginhallitukselle.",
    ]
    private static let narratives = [
        "Toiminta käynnistyi suunnitellusti, ja ensimmäisten kuukausien aikana mukaan tuli odotettua enemmän osallistujia. Yhteistyö järjestöjen kanssa on sujunut hyvin.",
        "Koronavirustilanteen vuoksi osa tapaamisista siirrettiin verkkoon. Lähitoimintaa jatketaan, kun rajoitukset poistuvat.",
        "Toimenpide on vakiintunut osaksi perustyötä. Seuraavaksi kehitetään asiakaspalautteen keräämistä ja toiminnan vaikuttavuuden arviointia.",
        "Henkilöstövaihdosten takia aloitus siirtyi seuraavalle kaudelle. Vastuuhenkilö on nimetty ja suunnitelma päivitetty.",
    ]
}
