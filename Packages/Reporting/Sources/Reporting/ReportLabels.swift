import Model

/// The words of the organisation report in one language.
struct ReportLabels: Sendable {
    var title: String
    /// The line under the title, e.g. `Organisaatioita: 4`.
    var count: @Sendable (Int) -> String
    var name: String
    var kind: String
    var id: String
    var parent: String
    /// Explains the language marker after a name that is missing in the report's language.
    var fallbackNote: String
    var kinds: [OrganisationKind: String]

    /// The labels for `language`.
    static func of(_ language: Language) -> ReportLabels {
        switch language {
        case .fi: finnish
        case .sv: swedish
        case .en: english
        }
    }

    static let finnish = ReportLabels(
        title: "Organisaatiot",
        count: { "Organisaatioita: \($0)" },
        name: "Nimi", kind: "Tyyppi", id: "Tunnus", parent: "Ylätason tunnus",
        fallbackNote: "Nimen perässä oleva kielikoodi, esim. (sv), kertoo, ettei nimeä ole suomeksi.",
        kinds: [.region: "Hyvinvointialue tai alue", .municipality: "Kunta", .department: "Toimiala tai keskus",
                .unit: "Yksikkö", .partner: "Kumppani"])

    static let swedish = ReportLabels(
        title: "Organisationer",
        count: { "Antal organisationer: \($0)" },
        name: "Namn", kind: "Typ", id: "Kod", parent: "Överordnad kod",
        fallbackNote: "En språkkod efter ett namn, t.ex. (fi), betyder att namnet saknas på svenska.",
        kinds: [.region: "Välfärdsområde eller region", .municipality: "Kommun", .department: "Sektor eller central",
                .unit: "Enhet", .partner: "Partner"])

    static let english = ReportLabels(
        title: "Organisations",
        count: { "Organisations: \($0)" },
        name: "Name", kind: "Kind", id: "Id", parent: "Parent id",
        fallbackNote: "A language code after a name, e.g. (fi), means the name is missing in English.",
        kinds: [.region: "Region", .municipality: "Municipality", .department: "Department",
                .unit: "Unit", .partner: "Partner"])

    /// The name of `kind` in this language.
    func kindName(_ kind: OrganisationKind) -> String { kinds[kind] ?? kind.rawValue }
}
