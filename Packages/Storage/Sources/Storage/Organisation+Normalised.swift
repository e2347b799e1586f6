import Model

extension LocalizedText {
    /// The same text with empty or blank languages left out.
    var normalised: LocalizedText {
        func present(_ text: String?) -> String? {
            guard let text, !text.allSatisfy(\.isWhitespace) else { return nil }
            return text
        }
        return LocalizedText(fi: present(fi), sv: present(sv), en: present(en))
    }
}

extension Organisation {
    /// The organisation as it is stored: blank names left out, version 1.
    var normalised: Organisation {
        Organisation(id: id, kind: kind, name: name.normalised, parentId: parentId, version: 1)
    }

    /// True when kind, names and parent are the same; the version is not compared.
    func hasSameContent(as other: Organisation) -> Bool {
        kind == other.kind && name == other.name && parentId == other.parentId
    }
}
