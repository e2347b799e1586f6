import Model

extension Survey {
    /// The column that may name the respondent in an imported file.
    public static let respondentColumn = "respondent"
    /// The separator of several options in one cell of a multiple-choice column.
    public static let choiceSeparator: Character = "|"

    /// Reads the answers of a CSV export of another survey tool, as `docs/participation.md` describes:
    /// a header line of question ids (plus an optional `respondent` column and the `ignoredColumns`),
    /// then one response per line. Empty lines and a leading byte-order mark are skipped. Throws every problem, each naming its
    /// line and column; nothing is imported then.
    public func importAnswers(csv: String, delimiter: Character = ",",
                              ignoredColumns: Set<String> = []) throws(SurveyImportErrors) -> [ImportedResponse] {
        // Spreadsheet programs often start a UTF-8 export with a byte-order mark.
        let text = csv.hasPrefix("\u{FEFF}") ? String(csv.dropFirst()) : csv
        let records = try CSVReader.records(text, delimiter: delimiter)
        guard let header = records.first else {
            throw SurveyImportErrors(problems: [.init(line: 1, message: "the file is empty; the first line must name the columns")])
        }
        var problems: [SurveyImportProblem] = []
        var columns: [String?] = []
        var seen: Set<String> = []
        let questionIds = Set(questions.map(\.id))
        for (index, name) in header.fields.map({ $0.trimmingCharacters(in: .whitespaces) }).enumerated() {
            if ignoredColumns.contains(name) { columns.append(nil); continue }
            guard questionIds.contains(name) || name == Self.respondentColumn else {
                problems.append(.init(line: header.line, column: index + 1,
                                      message: "unknown column '\(name)'; a column is a question id (\(questions.map(\.id).joined(separator: ", "))), '\(Self.respondentColumn)' or an ignored column"))
                columns.append(nil)
                continue
            }
            if !seen.insert(name).inserted {
                problems.append(.init(line: header.line, column: index + 1, message: "column '\(name)' appears more than once"))
            }
            columns.append(name)
        }
        guard problems.isEmpty else { throw SurveyImportErrors(problems: problems) }
        var responses: [ImportedResponse] = []
        for record in records.dropFirst() {
            if record.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard record.fields.count == columns.count else {
                problems.append(.init(line: record.line, message: "\(record.fields.count) fields, the header has \(columns.count)"))
                continue
            }
            var raw: [String: [String]] = [:]
            var respondent: String?
            var columnOf: [String: Int] = [:]
            for (index, name) in columns.enumerated() {
                guard let name else { continue }
                let cell = record.fields[index]
                if name == Self.respondentColumn {
                    respondent = cell.isEmpty ? nil : cell
                    continue
                }
                columnOf[name] = index + 1
                let isMultiple = if case .multipleChoice = questions.first(where: { $0.id == name })?.kind { true } else { false }
                raw[name] = isMultiple ? cell.split(separator: Self.choiceSeparator).map(String.init) : [cell]
            }
            do {
                let answers = try checkAnswers(raw)
                responses.append(ImportedResponse(line: record.line, respondent: anonymous ? nil : respondent, answers: answers))
            } catch {
                problems += error.problems.map {
                    SurveyImportProblem(line: record.line, column: columnOf[$0.question], question: $0.question, message: $0.message)
                }
            }
        }
        guard problems.isEmpty else { throw SurveyImportErrors(problems: problems) }
        return responses
    }
}
