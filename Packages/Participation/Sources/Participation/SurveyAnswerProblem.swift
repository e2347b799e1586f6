import Model

/// What is wrong with the answer to one question.
public struct SurveyAnswerProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The question id, e.g. `q2`.
    public var question: String
    /// What is wrong, in English, for operators and logs.
    public var message: String
    /// What is wrong, for the respondent, in Finnish, Swedish and English.
    public var text: LocalizedText

    /// A problem with the answer to `question`; `text` defaults to `message` in English only.
    public init(question: String, message: String, text: LocalizedText? = nil) {
        self.question = question
        self.message = message
        self.text = text ?? LocalizedText(en: message)
    }

    /// `question 'q2': 7 is outside the scale 1–5`.
    public var description: String { "question '\(question)': \(message)" }
}
