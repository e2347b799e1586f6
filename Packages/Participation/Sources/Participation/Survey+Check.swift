import Model

extension Survey {
    /// Checks that the survey can be answered: ids present and unique, a Finnish or Swedish title
    /// and labels, options for choice questions, a 5- or 6-point Likert scale, sane limits.
    public func check() throws(SurveyDefinitionError) {
        guard !id.isEmpty else { throw .init(field: "id", message: "a survey needs a non-empty id") }
        guard Self.isResidentReadable(title) else { throw .init(field: "title", message: "a title in Finnish or Swedish is needed") }
        guard !questions.isEmpty else { throw .init(field: "questions", message: "a survey needs at least one question") }
        if let targetSize, targetSize < 0 { throw .init(field: "targetSize", message: "must not be negative, got \(targetSize)") }
        if let opensAt, let closesAt, closesAt <= opensAt {
            throw .init(field: "closesAt", message: "the survey must close after it opens")
        }
        var seen: Set<String> = []
        for (index, question) in questions.enumerated() {
            let field = "questions[\(index)]"
            guard !question.id.isEmpty else { throw .init(field: "\(field).id", message: "a question needs a non-empty id") }
            guard seen.insert(question.id).inserted else {
                throw .init(field: "\(field).id", message: "question id '\(question.id)' appears more than once")
            }
            guard Self.isResidentReadable(question.label) else {
                throw .init(field: "\(field).label", message: "question '\(question.id)' needs a label in Finnish or Swedish")
            }
            try Self.check(question.kind, field: "\(field).kind")
        }
    }

    private static func check(_ kind: SurveyQuestionKind, field: String) throws(SurveyDefinitionError) {
        switch kind {
        case .singleChoice(let options):
            try checkOptions(options, field: "\(field).singleChoice.options")
        case .multipleChoice(let options, let min, let max):
            try checkOptions(options, field: "\(field).multipleChoice.options")
            guard min >= 0, min <= max, max >= 1, max <= options.count else {
                throw .init(field: "\(field).multipleChoice",
                            message: "needs 0 ≤ min ≤ max, 1 ≤ max ≤ \(options.count) options, got min \(min), max \(max)")
            }
        case .likert(let points):
            guard points == 5 || points == 6 else {
                throw .init(field: "\(field).likert.points", message: "a Likert scale has 5 or 6 points, got \(points)")
            }
        case .number(let min, let max):
            if let min, let max, min > max {
                throw .init(field: "\(field).number", message: "min \(min.plainText) is above max \(max.plainText)")
            }
        case .nps, .freeText:
            break
        }
    }

    private static func checkOptions(_ options: [SurveyOption], field: String) throws(SurveyDefinitionError) {
        guard options.count >= 2 else { throw .init(field: field, message: "a choice question needs at least 2 options") }
        var seen: Set<String> = []
        for (index, option) in options.enumerated() {
            guard !option.id.isEmpty, !option.id.contains("|") else {
                throw .init(field: "\(field)[\(index)].id", message: "an option needs a non-empty id without '|'")
            }
            guard seen.insert(option.id).inserted else {
                throw .init(field: "\(field)[\(index)].id", message: "option id '\(option.id)' appears more than once")
            }
            guard isResidentReadable(option.label) else {
                throw .init(field: "\(field)[\(index)].label", message: "option '\(option.id)' needs a label in Finnish or Swedish")
            }
        }
    }

    /// True when a resident can read `text`: it has Finnish or Swedish.
    static func isResidentReadable(_ text: LocalizedText) -> Bool {
        !(text.fi ?? "").isEmpty || !(text.sv ?? "").isEmpty
    }
}
