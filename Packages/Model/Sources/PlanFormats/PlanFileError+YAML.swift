import Yams

extension PlanFileError {
    /// A YAML syntax error at the mark Yams reports.
    init(yamlError: YamlError, file: String) {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) (line \($0.mark.line)): " } ?? ""
            self.init(file: file, line: mark.line, column: mark.column, message: "YAML syntax: \(prefix)\(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            self.init(file: file, line: context.mark.line, column: context.mark.column,
                      message: "key \(duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")) appears twice in a mapping")
        case .reader(let problem, let offset, _, let yaml):
            let position = offset.flatMap { Self.lineAndColumn(of: $0, in: yaml) }
            self.init(file: file, line: position?.line, column: position?.column, message: "YAML reader: \(problem)")
        default:
            self.init(file: file, message: "YAML: \(yamlError)")
        }
    }

    private static func lineAndColumn(of offset: Int, in text: String) -> (line: Int, column: Int)? {
        var line = 1
        var column = 1
        for (index, character) in text.unicodeScalars.enumerated() {
            if index == offset { return (line, column) }
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }
}
