/// Every problem of one response; a response with any problem stores nothing.
public struct SurveyAnswerErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems, in the order of the survey's questions, then unknown questions sorted.
    public var problems: [SurveyAnswerProblem]

    /// The problems of one response.
    public init(problems: [SurveyAnswerProblem]) {
        self.problems = problems
    }

    /// The problems joined with `; `.
    public var description: String { problems.map(\.description).joined(separator: "; ") }
}
