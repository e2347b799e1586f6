/// What is wrong at one place of an imported CSV file.
public struct SurveyImportProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The line of the file, from 1 (the header is line 1).
    public var line: Int
    /// The column, from 1, when the problem is in one cell.
    public var column: Int?
    /// The question id of the column, when known.
    public var question: String?
    /// What is wrong, for a person.
    public var message: String

    /// A problem at `line` and, if known, `column`.
    public init(line: Int, column: Int? = nil, question: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.question = question
        self.message = message
    }

    /// `line 3, column 2 (q2): 7 is outside the scale 1–5`.
    public var description: String {
        var place = "line \(line)"
        if let column { place += ", column \(column)" }
        if let question { place += " (\(question))" }
        return "\(place): \(message)"
    }
}
