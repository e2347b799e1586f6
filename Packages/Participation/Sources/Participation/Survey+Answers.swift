import Foundation
import Model

extension Survey {
    /// Checks the raw answers of one response and turns them into stored answers.
    ///
    /// `raw` maps question ids to the values given: option ids for choice questions, the number as
    /// text for scales and numbers (a decimal comma is accepted), the text for free text. Empty
    /// values count as no answer. Throws every problem found, each naming its question.
    public func checkAnswers(_ raw: [String: [String]]) throws(SurveyAnswerErrors) -> [String: SurveyAnswer] {
        var answers: [String: SurveyAnswer] = [:]
        var problems: [SurveyAnswerProblem] = []
        for question in questions {
            let values = (raw[question.id] ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            if values.isEmpty {
                if question.required {
                    let message = AnswerMessage.required
                    problems.append(.init(question: question.id, message: message.english, text: message.text))
                }
                continue
            }
            switch question.kind.answer(values) {
            case .success(let answer): answers[question.id] = answer
            case .failure(let message): problems.append(.init(question: question.id, message: message.english, text: message.text))
            }
        }
        let known = Set(questions.map(\.id))
        for id in raw.keys.sorted() where !known.contains(id) {
            let message = AnswerMessage.noSuchQuestion
            problems.append(.init(question: id, message: message.english, text: message.text))
        }
        guard problems.isEmpty else { throw SurveyAnswerErrors(problems: problems) }
        return answers
    }
}

extension SurveyQuestionKind {
    /// The stored answer for non-empty `values`, or what is wrong with them.
    func answer(_ values: [String]) -> Result<SurveyAnswer, AnswerMessage> {
        switch self {
        case .singleChoice(let options):
            guard values.count == 1 else { return .failure(.oneChoice(given: values.count)) }
            guard options.contains(where: { $0.id == values[0] }) else { return .failure(.unknownOption(values[0], options)) }
            return .success(.choice(values[0]))
        case .multipleChoice(let options, let min, let max):
            if let unknown = values.first(where: { value in !options.contains { $0.id == value } }) {
                return .failure(.unknownOption(unknown, options))
            }
            if Set(values).count != values.count { return .failure(.chosenTwice) }
            if values.count > max { return .failure(.tooMany(values.count, max)) }
            if values.count < min { return .failure(.tooFew(values.count, min)) }
            return .success(.choices(options.map(\.id).filter(values.contains)))
        case .likert(let points):
            return Self.scale(values, range: 1...points, name: "the scale")
        case .nps:
            return Self.scale(values, range: 0...10, name: "the NPS scale")
        case .number(let min, let max):
            guard values.count == 1 else { return .failure(.oneValue(given: values.count)) }
            guard let number = Self.number(values[0]) else { return .failure(.notANumber(values[0])) }
            if let min, number < min { return .failure(.belowMinimum(values[0], min)) }
            if let max, number > max { return .failure(.aboveMaximum(values[0], max)) }
            return .success(.number(number))
        case .freeText:
            guard values.count == 1 else { return .failure(.oneValue(given: values.count)) }
            guard values[0].count <= 10_000 else { return .failure(.tooLong) }
            return .success(.text(values[0]))
        }
    }

    /// Reads `4.5`, `4,5` or `-3`; nil for anything else.
    static func number(_ text: String) -> Double? {
        let normalised = text.contains(".") ? text : text.replacingOccurrences(of: ",", with: ".")
        guard let value = Double(normalised), value.isFinite else { return nil }
        return value
    }

    private static func scale(_ values: [String], range: ClosedRange<Int>, name: String) -> Result<SurveyAnswer, AnswerMessage> {
        guard values.count == 1 else { return .failure(.oneValue(given: values.count)) }
        guard let number = Self.number(values[0]) else { return .failure(.notANumber(values[0])) }
        guard number.rounded() == number, let point = Int(exactly: number), range.contains(point) else {
            return .failure(.outsideScale(values[0], range, name: name))
        }
        return .success(.scale(point))
    }
}

extension Double {
    /// `4` for whole numbers, `4.5` otherwise.
    var plainText: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }

    /// `plainText` with a decimal comma, as Finnish and Swedish write numbers.
    var commaText: String { plainText.replacingOccurrences(of: ".", with: ",") }
}
