import Model

extension Language {
    /// 0 for Finnish, 1 for Swedish, 2 for English: the order of the word tables.
    var index: Int {
        switch self {
        case .fi: 0
        case .sv: 1
        case .en: 2
        }
    }

    /// How a report in `reportLanguage` says that a text is shown in this language because it is
    /// missing in the report's: "(fi) = teksti näytetään suomeksi, koska …".
    func fallbackNote(in reportLanguage: Language) -> String {
        let missing = ["suomenkielistä", "svensk", "English"]
        let shownIn: [[String]] = [["suomeksi", "ruotsiksi", "englanniksi"], ["på finska", "på svenska", "på engelska"],
                                   ["in Finnish", "in Swedish", "in English"]]
        let shown = shownIn[reportLanguage.index][index]
        return switch reportLanguage {
        case .fi: "(\(rawValue)) = teksti näytetään \(shown), koska \(missing[0]) tekstiä ei ole."
        case .sv: "(\(rawValue)) = texten visas \(shown), eftersom \(missing[1]) text saknas."
        case .en: "(\(rawValue)) = text shown \(shown): there is no \(missing[2]) text."
        }
    }
}
