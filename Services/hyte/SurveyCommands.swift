import ArgumentParser
import BusCore
import Foundation
import Model
import ServiceRuntime
import Yams

/// `hyte survey …`: resident surveys of the participation service.
struct SurveyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Resident surveys: create, open, answer, close, results, CSV import.",
        subcommands: [Create.self, List.self, Show.self, Open.self, Close.self, Tokens.self, Answer.self, Results.self,
                      Import.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create a draft survey (or replace a draft) from a JSON or YAML file.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The survey as JSON or YAML.") var file: String

        func run() async throws {
            let survey = try readRecordFile(Survey.self, path: file)
            let saved = try await options.call(ParticipationContracts.SurveyCreate.self, survey)
            try options.print(saved) { ParticipationText.surveyLine(saved, options.lang) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every survey.")
        @OptionGroup var options: ParticipationOptions

        func run() async throws {
            let surveys = try await options.call(ParticipationContracts.SurveyList.self, Empty())
            try options.print(surveys) {
                table(ParticipationText.header(["id", "state", "questions", "title"], options.lang), surveys.map {
                    [$0.id, $0.state.label.text(options.lang), String($0.questions.count), $0.title.text(options.lang)]
                })
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show one survey and its questions.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The survey id.") var id: String

        func run() async throws {
            let survey = try await options.call(ParticipationContracts.SurveyGet.self, .init(surveyId: id))
            try options.print(survey) {
                ([ParticipationText.surveyLine(survey, options.lang)] + survey.questions.map {
                    "  \($0.id)\($0.required ? " *" : ""): \($0.label.text(options.lang))"
                }).joined(separator: "\n")
            }
        }
    }

    struct Open: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Open a draft survey for answers.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The survey id.") var id: String

        func run() async throws {
            let survey = try await options.call(ParticipationContracts.SurveyOpen.self, .init(surveyId: id))
            try options.print(survey) { ParticipationText.surveyLine(survey, options.lang) }
        }
    }

    struct Close: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Close an open survey.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The survey id.") var id: String

        func run() async throws {
            let survey = try await options.call(ParticipationContracts.SurveyClose.self, .init(surveyId: id))
            try options.print(survey) { ParticipationText.surveyLine(survey, options.lang) }
        }
    }

    struct Tokens: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue one-time invitation tokens; they are shown only now, the service keeps their hashes.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The survey id.") var id: String
        @Option(name: .long, help: "How many tokens (1–10000).") var count: Int = 1

        func run() async throws {
            let reply = try await options.call(ParticipationContracts.SurveyTokens.self, .init(surveyId: id, count: count))
            try options.print(reply) { reply.tokens.joined(separator: "\n") }
        }
    }

    struct Answer: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Answer an open survey from a file of question id → values, or interactively.",
            discussion: """
                With --interactive (the default when no --file is given and standard input is a terminal) \
                each question is asked in --lang, every answer is checked as the service checks it and asked \
                again if it is wrong, and the answers are sent after a summary and a confirmation. Lines are \
                read from standard input, so answers can also be piped in; if the input ends first, nothing \
                is sent.
                """)
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The survey id.") var id: String
        @Option(name: .long, help: "The answers as JSON or YAML: {\"q1\": [\"kylä\"], \"q2\": [\"5\"]}.") var file: String?
        @Flag(name: .long, help: "Ask the questions one by one on standard input.") var interactive = false
        @Option(name: .long, help: "A one-time invitation token.") var token: String?

        func validate() throws {
            if interactive && file != nil { throw ValidationError("give either --file or --interactive, not both") }
            if !interactive && file == nil && isatty(STDIN_FILENO) == 0 {
                throw ValidationError("give the answers with --file, or answer with --interactive")
            }
        }

        func run() async throws {
            let answers: [String: [String]]
            if let file {
                answers = try readRecordFile([String: [String]].self, path: file)
            } else {
                answers = try await askInteractively()
            }
            let reply = try await options.call(ParticipationContracts.SurveyRespond.self,
                                               .init(surveyId: id, token: token, answers: answers))
            try options.print(reply) { reply.message.text(options.lang) }
        }

        /// Fetches the survey and asks its questions; prompts go to standard error with `--json`.
        private func askInteractively() async throws -> [String: [String]] {
            let survey = try await options.call(ParticipationContracts.SurveyGet.self, .init(surveyId: id))
            guard survey.state == .open else {
                // Not worth asking questions whose answers the service would refuse.
                printError(SurveyPrompt.text("not open", options.lang) + " (\(survey.state.label.text(options.lang)))")
                throw GatewayExit.refused
            }
            let json = options.gateway.json
            let terminal = isatty(STDIN_FILENO) != 0
            let write = { (text: String) in
                (json ? FileHandle.standardError : FileHandle.standardOutput).write(Data(text.utf8))
            }
            // Piped answers are echoed after their prompt, so that the transcript reads as typed.
            let prompt = SurveyPrompt(survey: survey, language: options.lang, write: write, readLine: {
                let line = Swift.readLine(strippingNewline: true)
                if !terminal, let line { write(line + "\n") }
                return line
            })
            do {
                return try prompt.run()
            } catch .endOfInput {
                printError(SurveyPrompt.text("end of input", options.lang))
                throw ExitCode.failure
            } catch .cancelled {
                printError(SurveyPrompt.text("cancelled", options.lang))
                throw ExitCode.failure
            }
        }
    }

    struct Results: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Results: response rate, distributions, means, medians, NPS.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The survey id.") var id: String

        func run() async throws {
            let results = try await options.call(ParticipationContracts.SurveyResultsGet.self, .init(surveyId: id))
            try options.print(results) { ParticipationText.results(results, options.lang) }
        }
    }

    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import responses from a CSV export of another survey tool.")
        @OptionGroup var options: ParticipationOptions
        @Argument(help: "The survey id.") var id: String
        @Argument(help: "The CSV file: header of question ids, one response a line.") var file: String
        @Option(name: .long, help: "The delimiter, e.g. ';' (default ',').") var delimiter: String?
        @Option(name: .long, help: "A column to skip, e.g. Timestamp; repeatable.") var ignore: [String] = []

        func run() async throws {
            let csv: String
            do {
                csv = try String(contentsOfFile: file, encoding: .utf8)
            } catch {
                printError("cannot read \(file): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            let reply = try await options.call(ParticipationContracts.SurveyImport.self,
                                               .init(surveyId: id, csv: csv, delimiter: delimiter,
                                                     ignoredColumns: ignore.isEmpty ? nil : ignore))
            try options.print(reply) { "\(file): \(reply.imported) \(ParticipationText.word("responses imported", options.lang))" }
        }
    }
}

/// The options of the participation commands: the gateway options and `--lang`.
struct ParticipationOptions: ParsableArguments {
    @OptionGroup var gateway: GatewayOptions
    @Option(name: .long, help: "Language of labels and messages: fi, sv or en.") var lang: Language = .fi

    /// Calls the participation service; a refusal prints the service's message — the resident's
    /// text in `--lang` when the reply has one — and exits with 4.
    func call<C: Contract>(_ contract: C.Type, _ input: C.Request) async throws -> C.Response {
        let gateway = Gateway(configuration: try self.gateway.resolve())
        defer { Task { await gateway.close() } }
        try await gateway.requireService(C.service)
        do {
            return try await gateway.client.call(contract, input, headers: self.gateway.headers(),
                                                 options: RequestOptions(timeout: .seconds(30), retries: 1))
        } catch let error as ServiceCallError {
            let details = error.error.details ?? [:]
            printError("\(error.error.message) (\(error.status) \(error.error.code))")
            if let text = details[lang.rawValue] { printError(text) }
            for (key, value) in details.sorted(by: { $0.key < $1.key }) where key.hasSuffix(".\(lang.rawValue)") {
                printError("\(key.dropLast(lang.rawValue.count + 1)): \(value)")
            }
            throw GatewayExit.refused
        } catch let error as BusError {
            printError("\(error)")
            throw GatewayExit.notRunning
        }
    }

    /// Prints `value` as JSON with `--json`, otherwise the text.
    func print<T: Encodable>(_ value: T, text: () -> String) throws {
        if gateway.json { try printJSON(value) } else { Swift.print(text()) }
    }
}

/// Reads a record from a JSON file, or YAML when the name ends in `.yaml` or `.yml`; errors name
/// the file and the field.
func readRecordFile<T: Decodable>(_ type: T.Type, path: String) throws -> T {
    guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { return try readJSONFile(type, path: path) }
    let text: String
    do {
        text = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
        printError("cannot read \(path): \(error.localizedDescription)")
        throw ExitCode.failure
    }
    do {
        return try YAMLDecoder().decode(type, from: text)
    } catch {
        printError("\(path): \(JSONCoding.describe(error))")
        throw ExitCode.failure
    }
}

extension LocalizedText {
    /// The text in `language`, or in another language when it has none.
    func text(_ language: Language) -> String { resolved(language)?.text ?? "" }
}

/// The text forms of participation records in Finnish, Swedish or English.
enum ParticipationText {
    /// Column headings and fixed words.
    static let words: [String: LocalizedText] = [
        "id": LocalizedText(fi: "TUNNUS", sv: "ID", en: "ID"),
        "state": LocalizedText(fi: "TILA", sv: "STATUS", en: "STATE"),
        "questions": LocalizedText(fi: "KYSYMYKSIÄ", sv: "FRÅGOR", en: "QUESTIONS"),
        "title": LocalizedText(fi: "OTSIKKO", sv: "RUBRIK", en: "TITLE"),
        "topic": LocalizedText(fi: "AIHE", sv: "ÄMNE", en: "TOPIC"),
        "phase": LocalizedText(fi: "VAIHE", sv: "FAS", en: "PHASE"),
        "budget": LocalizedText(fi: "BUDJETTI", sv: "BUDGET", en: "BUDGET"),
        "cost": LocalizedText(fi: "KUSTANNUS", sv: "KOSTNAD", en: "COST"),
        "votes": LocalizedText(fi: "ÄÄNET", sv: "RÖSTER", en: "VOTES"),
        "funded": LocalizedText(fi: "RAHOITETAAN", sv: "FINANSIERAS", en: "FUNDED"),
        "screening": LocalizedText(fi: "ARVIOINTI", sv: "BEDÖMNING", en: "SCREENING"),
        "status": LocalizedText(fi: "TOTEUTUS", sv: "GENOMFÖRANDE", en: "STATUS"),
        "date": LocalizedText(fi: "PÄIVÄ", sv: "DATUM", en: "DATE"),
        "kind": LocalizedText(fi: "LAJI", sv: "TYP", en: "KIND"),
        "council": LocalizedText(fi: "NEUVOSTO", sv: "RÅD", en: "COUNCIL"),
        "place": LocalizedText(fi: "PAIKKA", sv: "PLATS", en: "PLACE"),
        "participants": LocalizedText(fi: "OSALLISTUJIA", sv: "DELTAGARE", en: "PARTICIPANTS"),
        "members": LocalizedText(fi: "JÄSENIÄ", sv: "MEDLEMMAR", en: "MEMBERS"),
        "recommendations": LocalizedText(fi: "SUOSITUKSIA", sv: "REKOMMENDATIONER", en: "RECOMMENDATIONS"),
        "decision": LocalizedText(fi: "PÄÄTÖS", sv: "BESLUT", en: "DECISION"),
        "requested": LocalizedText(fi: "PYYDETTY", sv: "BEGÄRDA", en: "REQUESTED"),
        "given": LocalizedText(fi: "ANNETTU", sv: "GIVNA", en: "GIVEN"),
        "answered": LocalizedText(fi: "VASTATTU", sv: "BESVARADE", en: "ANSWERED"),
        "year": LocalizedText(fi: "VUOSI", sv: "ÅR", en: "YEAR"),
        "yes": LocalizedText(fi: "kyllä", sv: "ja", en: "yes"),
        "no": LocalizedText(fi: "ei", sv: "nej", en: "no"),
        "feasible": LocalizedText(fi: "toteuttamiskelpoinen", sv: "genomförbart", en: "feasible"),
        "not feasible": LocalizedText(fi: "ei toteuttamiskelpoinen", sv: "inte genomförbart", en: "not feasible"),
        "not screened": LocalizedText(fi: "arvioimatta", sv: "ej bedömt", en: "not screened"),
        "responses": LocalizedText(fi: "vastausta", sv: "svar", en: "responses"),
        "responses imported": LocalizedText(fi: "vastausta tuotu", sv: "svar importerade", en: "responses imported"),
        "response rate": LocalizedText(fi: "vastausprosentti", sv: "svarsfrekvens", en: "response rate"),
        "answers": LocalizedText(fi: "vastaajia", sv: "svarande", en: "answered"),
        "mean": LocalizedText(fi: "keskiarvo", sv: "medelvärde", en: "mean"),
        "median": LocalizedText(fi: "mediaani", sv: "median", en: "median"),
        "spent": LocalizedText(fi: "käytetty", sv: "använt", en: "spent"),
        "ballots counted": LocalizedText(fi: "ääntä laskettu", sv: "röster räknade", en: "ballots counted"),
        "recount matches": LocalizedText(fi: "uudelleenlaskenta täsmää tallennettuun tulokseen",
                                         sv: "omräkningen stämmer med det sparade resultatet",
                                         en: "the recount matches the kept result"),
        "recount differs": LocalizedText(fi: "uudelleenlaskenta EI täsmää tallennettuun tulokseen",
                                         sv: "omräkningen stämmer INTE med det sparade resultatet",
                                         en: "the recount does NOT match the kept result"),
        "saved": LocalizedText(fi: "tallennettu", sv: "sparad", en: "saved"),
        "members (count)": LocalizedText(fi: "jäsentä", sv: "medlemmar", en: "members"),
        "participants (count)": LocalizedText(fi: "osallistujaa", sv: "deltagare", en: "participants"),
    ]

    static func word(_ key: String, _ language: Language) -> String { words[key]?.text(language) ?? key }
    static func header(_ keys: [String], _ language: Language) -> [String] { keys.map { word($0, language) } }

    /// A number with a decimal comma in Finnish and Swedish, a point in English.
    static func number(_ value: Double, _ language: Language) -> String {
        let text = decimalComma(value)
        return language == .en ? text.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "\u{00A0}", with: ",") : text
    }

    /// An amount in euro: `45 000 €` / `60 000,50 €` in Finnish and Swedish, `60,000.50 €` in English.
    static func euro(_ value: Double, _ language: Language) -> String {
        let cents = Int((value * 100).rounded())
        var whole = String(abs(cents) / 100)
        var groups: [String] = []
        while whole.count > 3 {
            groups.insert(String(whole.suffix(3)), at: 0)
            whole = String(whole.dropLast(3))
        }
        groups.insert(whole, at: 0)
        let fraction = abs(cents) % 100
        let (group, decimal) = language == .en ? (",", ".") : (" ", ",")
        let text = groups.joined(separator: group) + (fraction == 0 ? "" : decimal + String(format: "%02d", fraction))
        return (cents < 0 ? "−" : "") + text + " €"
    }

    static func surveyLine(_ survey: Survey, _ language: Language) -> String {
        "\(survey.id): \(survey.title.text(language)) (\(survey.state.label.text(language)))"
    }

    static func results(_ results: SurveyResults, _ language: Language) -> String {
        var lines = ["\(results.surveyId): \(results.responses) \(word("responses", language))"
                     + (results.responseRate.map { ", \(word("response rate", language)) \(number($0, language)) %" } ?? "")]
        for question in results.questions {
            lines.append("")
            lines.append("\(question.questionId): \(question.label.text(language)) (\(word("answers", language)) \(question.answered))")
            for value in question.distribution {
                let label = value.label?.text(language) ?? value.value
                lines.append("  \(label): \(value.count) (\(number(value.share * 100, language)) %)")
            }
            var figures: [String] = []
            if let mean = question.mean { figures.append("\(word("mean", language)) \(number(mean, language))") }
            if let median = question.median { figures.append("\(word("median", language)) \(number(median, language))") }
            if let nps = question.npsScore { figures.append("NPS \(number(nps, language))") }
            if !figures.isEmpty { lines.append("  " + figures.joined(separator: ", ")) }
            for text in question.texts { lines.append("  – \(text)") }
        }
        return lines.joined(separator: "\n")
    }

    /// A date as the reader writes it: 15.11.2025 (fi), 2025-11-15 (sv, en), in Finnish time.
    static func date(_ date: Date, _ language: Language) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Helsinki") ?? .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let (year, month, day) = (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        return language == .fi ? "\(day).\(month).\(year)" : String(format: "%04d-%02d-%02d", year, month, day)
    }
}
