import Model

/// The sentence a report carries when the indicators service could not give its data.
enum ReportIndicatorNotice {
    /// "Indicator data not available …" in `language`.
    static func text(_ language: Language) -> String {
        switch language {
        case .fi: "Indikaattoritietoja ei ole saatavilla: indikaattoripalvelu ei antanut tietoja. Raportti on laadittu ilman indikaattoriosioita."
        case .sv: "Indikatoruppgifter är inte tillgängliga: indikatortjänsten gav inga uppgifter. Rapporten har gjorts utan indikatoravsnitten."
        case .en: "Indicator data not available: the indicators service did not provide them. The report was made without its indicator sections."
        }
    }
}
