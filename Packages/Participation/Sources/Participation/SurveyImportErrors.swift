/// Every problem of an import; an import with any problem stores nothing.
public struct SurveyImportErrors: Error, Sendable, Hashable, CustomStringConvertible {
    /// The problems in file order.
    public var problems: [SurveyImportProblem]

    /// The problems of one import.
    public init(problems: [SurveyImportProblem]) {
        self.problems = problems
    }

    /// The first ten problems joined with `; `, and how many more there are.
    public var description: String {
        let shown = problems.prefix(10).map(\.description).joined(separator: "; ")
        return problems.count > 10 ? "\(shown); and \(problems.count - 10) more" : shown
    }
}
