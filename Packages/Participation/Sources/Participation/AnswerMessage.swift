import Model

/// What is wrong with one answer: in English for operators, and for the respondent in Finnish,
/// Swedish and English (numbers with a decimal comma in Finnish and Swedish).
struct AnswerMessage: Error, Sendable {
    var english: String
    var text: LocalizedText

    static let required = AnswerMessage(
        english: "an answer is required",
        text: LocalizedText(fi: "Vastaus vaaditaan.", sv: "Svar krävs.", en: "An answer is required."))

    static let noSuchQuestion = AnswerMessage(
        english: "the survey has no such question",
        text: LocalizedText(fi: "Kyselyssä ei ole tätä kysymystä.", sv: "Enkäten har ingen sådan fråga.",
                            en: "The survey has no such question."))

    static let chosenTwice = AnswerMessage(
        english: "an option is chosen more than once",
        text: LocalizedText(fi: "Sama vaihtoehto on valittu useammin kuin kerran.", sv: "Samma alternativ har valts mer än en gång.",
                            en: "An option is chosen more than once."))

    static let tooLong = AnswerMessage(
        english: "the text is longer than 10000 characters",
        text: LocalizedText(fi: "Teksti on liian pitkä (enintään 10 000 merkkiä).", sv: "Texten är för lång (högst 10 000 tecken).",
                            en: "The text is too long (at most 10,000 characters)."))

    static func oneChoice(given: Int) -> AnswerMessage {
        AnswerMessage(english: "one choice allowed, \(given) given",
                      text: LocalizedText(fi: "Valitse yksi vaihtoehto.", sv: "Välj ett alternativ.", en: "Choose one option."))
    }

    static func oneValue(given: Int) -> AnswerMessage {
        AnswerMessage(english: "one value expected, \(given) given",
                      text: LocalizedText(fi: "Anna yksi vastaus.", sv: "Ge ett svar.", en: "Give one answer."))
    }

    static func unknownOption(_ value: String, _ options: [SurveyOption]) -> AnswerMessage {
        AnswerMessage(english: "unknown option '\(value)'; the options are \(options.map(\.id).joined(separator: ", "))",
                      text: LocalizedText(fi: "Tuntematon vaihtoehto ”\(value)”.", sv: "Okänt alternativ ”\(value)”.",
                                          en: "Unknown option “\(value)”."))
    }

    static func tooMany(_ chosen: Int, _ max: Int) -> AnswerMessage {
        AnswerMessage(english: "too many choices: \(chosen) chosen, at most \(max) allowed",
                      text: LocalizedText(fi: "Valitse enintään \(max) vaihtoehtoa.", sv: "Välj högst \(max) alternativ.",
                                          en: "Choose at most \(max) options."))
    }

    static func tooFew(_ chosen: Int, _ min: Int) -> AnswerMessage {
        AnswerMessage(english: "too few choices: \(chosen) chosen, at least \(min) needed",
                      text: LocalizedText(fi: "Valitse vähintään \(min) vaihtoehtoa.", sv: "Välj minst \(min) alternativ.",
                                          en: "Choose at least \(min) options."))
    }

    static func notANumber(_ value: String) -> AnswerMessage {
        AnswerMessage(english: "'\(value)' is not a number",
                      text: LocalizedText(fi: "”\(value)” ei ole luku.", sv: "”\(value)” är inte ett tal.", en: "“\(value)” is not a number."))
    }

    static func outsideScale(_ value: String, _ range: ClosedRange<Int>, name: String) -> AnswerMessage {
        let low = range.lowerBound, high = range.upperBound
        return AnswerMessage(english: "\(value) is outside \(name) \(low)–\(high)",
                             text: LocalizedText(fi: "Valitse kokonaisluku väliltä \(low)–\(high).",
                                                 sv: "Välj ett heltal mellan \(low) och \(high).",
                                                 en: "Choose a whole number from \(low) to \(high)."))
    }

    static func belowMinimum(_ value: String, _ min: Double) -> AnswerMessage {
        AnswerMessage(english: "\(value) is below the minimum \(min.plainText)",
                      text: LocalizedText(fi: "Pienin sallittu arvo on \(min.commaText).", sv: "Minsta tillåtna värde är \(min.commaText).",
                                          en: "The smallest allowed value is \(min.plainText)."))
    }

    static func aboveMaximum(_ value: String, _ max: Double) -> AnswerMessage {
        AnswerMessage(english: "\(value) is above the maximum \(max.plainText)",
                      text: LocalizedText(fi: "Suurin sallittu arvo on \(max.commaText).", sv: "Största tillåtna värde är \(max.commaText).",
                                          en: "The largest allowed value is \(max.plainText)."))
    }
}
