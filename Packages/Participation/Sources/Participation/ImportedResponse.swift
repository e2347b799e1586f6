import Model

/// One response read from an imported CSV file.
public struct ImportedResponse: Sendable, Hashable {
    /// The line of the file it was read from.
    public var line: Int
    /// The `respondent` column, kept only for surveys that are not anonymous.
    public var respondent: String?
    public var answers: [String: SurveyAnswer]
}
