/// Writes and follows coding paths in the form the format documentation uses:
/// `items[0].children[2].action.schedule.text`.
enum CodingPath {
    /// One step of a path: a key of a mapping or an index of a list.
    enum Component: Hashable {
        case key(String)
        case index(Int)
    }

    /// The steps of a `Codable` coding path. Decoders name list positions "Index 3" with an
    /// integer value; those become indices.
    static func components(_ path: [any CodingKey]) -> [Component] {
        path.map { key in
            if let index = key.intValue, key.stringValue == "Index \(index)" || key.stringValue == "\(index)" {
                return .index(index)
            }
            return .key(key.stringValue)
        }
    }

    /// `items[0].title` for `[.key("items"), .index(0), .key("title")]`.
    static func render(_ components: [Component]) -> String {
        var text = ""
        for component in components {
            switch component {
            case .key(let key):
                text += text.isEmpty ? key : ".\(key)"
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    static func render(_ path: [any CodingKey]) -> String { render(components(path)) }
}
