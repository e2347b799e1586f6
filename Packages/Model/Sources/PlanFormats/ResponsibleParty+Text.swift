import Model

extension ResponsibleParty {
    /// A party as the table and the command line write it: `@org-id`, a role as text, or
    /// `role @org-id`; the role is a text in `language`.
    public init(parsing text: String, language: Language) {
        if let at = text.range(of: "@", options: .backwards) {
            let organisation = String(text[at.upperBound...]).trimmingCharacters(in: .whitespaces)
            let roleText = text[..<at.lowerBound].trimmingCharacters(in: .whitespaces)
            if !organisation.isEmpty, !organisation.contains(" ") {
                self.init(organisation: organisation, role: roleText.isEmpty ? nil : LocalizedText(roleText, in: language))
                return
            }
        }
        self.init(role: LocalizedText(text, in: language))
    }
}
