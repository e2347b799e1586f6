import Yams

/// Finds the line and column of a coding path in a composed YAML tree.
enum YAMLLocator {
    /// The node at `path` if it exists, and the mark of the deepest node along it that exists.
    static func node(at path: [CodingPath.Component], in root: Node) -> (exact: Node?, mark: Mark?) {
        var node = root
        var mark = root.mark
        for component in path {
            let next: Node?
            switch component {
            case .key(let key):
                next = node.mapping?[key]
            case .index(let index):
                if let sequence = node.sequence, sequence.indices.contains(index) {
                    next = sequence[index]
                } else {
                    next = nil
                }
            }
            guard let next else { return (nil, mark) }
            node = next
            mark = next.mark ?? mark
        }
        return (node, mark)
    }

    /// The mark of the deepest node along `path` that exists.
    static func mark(of path: [CodingPath.Component], in root: Node) -> Mark? {
        node(at: path, in: root).mark
    }

    /// `'twenty'`, `a list` or `a mapping`, for error messages.
    static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(scalar.string)'"
        case .sequence: "a list"
        case .mapping: "a mapping"
        case .alias: "an alias"
        }
    }
}
