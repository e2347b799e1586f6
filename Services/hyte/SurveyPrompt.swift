import Foundation
import Model
import Participation

/// Interactive answering of a survey: asks each question on standard input in the chosen language
/// (falling back to the survey's primary language), checks each answer with the service's own
/// rules (`Survey.checkAnswers`) and asks again on a problem, then shows a summary and asks for
/// confirmation. Lines are read one by one, so piped input works as well as a terminal.
struct SurveyPrompt {
    /// Why nothing is sent.
    enum Stop: Error, Equatable {
        /// The input ended before every question was answered and confirmed.
        case endOfInput
        /// The respondent answered no to the confirmation.
        case cancelled
    }

    let survey: Survey
    /// The language of the texts around the questions.
    let language: Language
    /// Writes one piece of prompt text (the caller adds no line end).
    let write: (String) -> Void
    /// The next line of input without its line end, or nil at the end of input.
    let readLine: () -> String?

    /// The language questions fall back to when they have no text in `language`: Finnish, or
    /// Swedish for a survey titled only in Swedish, or English.
    var primaryLanguage: Language {
        [Language.fi, .sv, .en].first { !(survey.title[$0] ?? "").isEmpty } ?? .fi
    }

    /// Asks every question and the confirmation; the answers as `survey.answer` takes them.
    func run() throws(Stop) -> [String: [String]] {
        write(Self.text("intro", language) + "\n")
        var answers: [String: [String]] = [:]
        for (index, question) in survey.questions.enumerated() {
            write("\n[\(index + 1)/\(survey.questions.count)] \(label(question.label))\n")
            for line in optionLines(question) { write("  \(line)\n") }
            write("(\(hint(question))\(question.required ? "" : "; " + Self.text("optional", language)))\n")
            while true {
                write("> ")
                guard let line = readLine() else {
                    write("\n")
                    throw .endOfInput
                }
                let values = Self.values(line, for: question)
                let problems = check(question, values)
                if problems.isEmpty {
                    if !values.isEmpty { answers[question.id] = values }
                    break
                }
                for problem in problems { write("! \(problem)\n") }
            }
        }
        write("\n\(Self.text("summary", language))\n")
        for question in survey.questions {
            write("  \(label(question.label)): \(shown(question, answers[question.id] ?? []))\n")
        }
        while true {
            write(Self.text("confirm", language) + " ")
            guard let line = readLine() else {
                write("\n")
                throw .endOfInput
            }
            switch line.trimmingCharacters(in: .whitespaces).lowercased() {
            case "k", "kyllä", "kylla", "j", "ja", "y", "yes": return answers
            case "e", "ei", "n", "nej", "no": throw .cancelled
            default: write(Self.text("confirm again", language) + "\n")
            }
        }
    }

    /// What is wrong with `values` as the answer to `question`, in `language`; empty when nothing is.
    func check(_ question: SurveyQuestion, _ values: [String]) -> [String] {
        var single = survey
        single.questions = [question]
        do {
            _ = try single.checkAnswers([question.id: values])
            return []
        } catch {
            return error.problems.map { $0.text.text(language) }
        }
    }

    /// The line as answer values: option numbers become option ids (several separated by commas
    /// for multiple choice); an empty line is no answer.
    static func values(_ line: String, for question: SurveyQuestion) -> [String] {
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        func option(_ token: String, _ options: [SurveyOption]) -> String {
            guard let number = Int(token), options.indices.contains(number - 1) else { return token }
            return options[number - 1].id
        }
        switch question.kind {
        case .singleChoice(let options):
            return [option(trimmed, options)]
        case .multipleChoice(let options, _, _):
            return trimmed.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map { option(String($0), options) }
        default:
            return [trimmed]
        }
    }

    private func label(_ text: LocalizedText) -> String {
        text.resolved(language, fallbacks: [primaryLanguage, .fi, .sv, .en])?.text ?? ""
    }

    private func optionLines(_ question: SurveyQuestion) -> [String] {
        switch question.kind {
        case .singleChoice(let options), .multipleChoice(let options, _, _):
            options.enumerated().map { "\($0.offset + 1)) \(label($0.element.label))" }
        default: []
        }
    }

    /// The kind-specific hint: how to answer and the range.
    func hint(_ question: SurveyQuestion) -> String {
        func number(_ value: Double) -> String { ParticipationText.number(value, language) }
        switch question.kind {
        case .singleChoice:
            return Self.text("single", language)
        case .multipleChoice(_, let min, let max):
            let count = min == max ? "\(min)" : "\(min)–\(max)"
            return Self.text("multiple", language).replacingOccurrences(of: "{n}", with: count)
        case .likert(let points):
            return Self.text("scale", language).replacingOccurrences(of: "{range}", with: "1–\(points)")
        case .nps:
            return Self.text("nps", language)
        case .number(let min?, let max?):
            return Self.text("number between", language).replacingOccurrences(of: "{range}", with: "\(number(min))–\(number(max))")
        case .number(let min?, nil):
            return Self.text("number at least", language).replacingOccurrences(of: "{n}", with: number(min))
        case .number(nil, let max?):
            return Self.text("number at most", language).replacingOccurrences(of: "{n}", with: number(max))
        case .number(nil, nil):
            return Self.text("number", language)
        case .freeText:
            return Self.text("free text", language)
        }
    }

    /// An answer as the summary shows it: option labels, the number or text, or "no answer".
    private func shown(_ question: SurveyQuestion, _ values: [String]) -> String {
        guard !values.isEmpty else { return Self.text("no answer", language) }
        switch question.kind {
        case .singleChoice(let options), .multipleChoice(let options, _, _):
            return values.map { value in options.first { $0.id == value }.map { label($0.label) } ?? value }.joined(separator: ", ")
        default:
            return values.joined(separator: ", ")
        }
    }

    static func text(_ key: String, _ language: Language) -> String { texts[key]?.text(language) ?? key }

    static let texts: [String: LocalizedText] = [
        "intro": LocalizedText(fi: "Vastaa kysymyksiin kirjoittamalla vastaus ja painamalla Enter.",
                               sv: "Svara på frågorna genom att skriva svaret och trycka på Enter.",
                               en: "Answer the questions by typing the answer and pressing Enter."),
        "optional": LocalizedText(fi: "vapaaehtoinen, tyhjä rivi ohittaa", sv: "frivillig, en tom rad hoppar över",
                                  en: "optional, an empty line skips"),
        "single": LocalizedText(fi: "valitse yksi: kirjoita sen numero", sv: "välj ett: skriv dess nummer",
                                en: "choose one: type its number"),
        "multiple": LocalizedText(fi: "valitse {n}: numerot pilkuin erotettuina, esim. 1,3",
                                  sv: "välj {n}: numren åtskilda med kommatecken, t.ex. 1,3",
                                  en: "choose {n}: numbers separated by commas, e.g. 1,3"),
        "scale": LocalizedText(fi: "asteikko {range}: kirjoita kokonaisluku", sv: "skala {range}: skriv ett heltal",
                               en: "scale {range}: type a whole number"),
        "nps": LocalizedText(fi: "asteikko 0–10: 0 = en lainkaan todennäköisesti, 10 = erittäin todennäköisesti",
                             sv: "skala 0–10: 0 = inte alls sannolikt, 10 = mycket sannolikt",
                             en: "scale 0–10: 0 = not at all likely, 10 = extremely likely"),
        "number between": LocalizedText(fi: "luku väliltä {range}", sv: "ett tal i intervallet {range}", en: "a number in the range {range}"),
        "number at least": LocalizedText(fi: "luku, vähintään {n}", sv: "ett tal, minst {n}", en: "a number, at least {n}"),
        "number at most": LocalizedText(fi: "luku, enintään {n}", sv: "ett tal, högst {n}", en: "a number, at most {n}"),
        "number": LocalizedText(fi: "luku", sv: "ett tal", en: "a number"),
        "free text": LocalizedText(fi: "vapaa teksti yhdelle riville", sv: "fritext på en rad", en: "free text on one line"),
        "summary": LocalizedText(fi: "Vastauksesi:", sv: "Dina svar:", en: "Your answers:"),
        "no answer": LocalizedText(fi: "(ei vastausta)", sv: "(inget svar)", en: "(no answer)"),
        "confirm": LocalizedText(fi: "Lähetetäänkö? [k/e]", sv: "Skicka? [j/n]", en: "Send? [y/n]"),
        "confirm again": LocalizedText(fi: "Vastaa k (kyllä) tai e (ei).", sv: "Svara j (ja) eller n (nej).",
                                       en: "Answer y (yes) or n (no)."),
        "end of input": LocalizedText(fi: "syöte loppui ennen kuin vastaukset oli vahvistettu; mitään ei lähetetty",
                                      sv: "indata tog slut innan svaren bekräftades; ingenting skickades",
                                      en: "the input ended before the answers were confirmed; nothing was sent"),
        "not open": LocalizedText(fi: "Kysely ei ole avoinna vastauksille", sv: "Enkäten är inte öppen för svar",
                                  en: "The survey is not open for answers"),
        "cancelled": LocalizedText(fi: "Vastauksia ei lähetetty.", sv: "Svaren skickades inte.", en: "The answers were not sent."),
    ]
}
