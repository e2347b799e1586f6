import Yams

extension CodingPath {
    /// The steps of a rendered path such as `items[0].children[2].action.responsible[1].organisation`.
    static func parse(_ text: String) -> [Component] {
        var components: [Component] = []
        for part in text.split(separator: ".") {
            var name = Substring(part)
            var indices: [Int] = []
            while let open = name.lastIndex(of: "["), name.hasSuffix("]"), let index = Int(name[name.index(after: open)..<name.index(before: name.endIndex)]) {
                indices.insert(index, at: 0)
                name = name[..<open]
            }
            if !name.isEmpty { components.append(.key(String(name))) }
            components += indices.map { .index($0) }
        }
        return components
    }
}

extension PlanYAML {
    /// The line and column (from 1) of the field at `path` in a YAML plan file, or of the deepest
    /// part of the path that exists; nil when the text is not YAML. Lets a caller that got an
    /// error with a path from the storage service point at the line in the user's file.
    public static func location(ofPath path: String, in text: String) -> (line: Int, column: Int)? {
        guard let root = try? Yams.compose(yaml: text), let mark = YAMLLocator.mark(of: CodingPath.parse(path), in: root) else {
            return nil
        }
        return (mark.line, mark.column)
    }
}
