import Model

/// Checks a batch of organisations against itself and against what is already stored, before
/// anything is written.
///
/// Pure: it sees the stored tree as a map from id to parent id and returns every issue it finds.
struct OrganisationValidator: Sendable {
    /// The stored organisations: id → parent id.
    var stored: [String: String?]

    /// Every issue of `organisations`, in payload order; empty when the batch may be applied.
    func issues(in organisations: [Organisation]) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var firstIndex: [String: Int] = [:]
        for (index, organisation) in organisations.enumerated() {
            let path = "organisations[\(index)]"
            issues += idIssues(organisation.id, path: path, firstIndex: firstIndex)
            if firstIndex[organisation.id] == nil { firstIndex[organisation.id] = index }
            if organisation.name.normalised.isEmpty {
                issues.append(ValidationIssue(field: "\(path).name",
                                              problem: "give the name in at least one language (fi, sv or en)"))
            }
        }
        let requested = Set(firstIndex.keys)
        for (index, organisation) in organisations.enumerated() {
            guard let parentId = organisation.parentId else { continue }
            let field = "organisations[\(index)].parentId"
            if parentId.isEmpty {
                issues.append(ValidationIssue(field: field, problem: "is empty; leave it out for an organisation without a parent"))
            } else if parentId == organisation.id {
                issues.append(ValidationIssue(field: field, problem: "'\(parentId)' is the organisation itself"))
            } else if !requested.contains(parentId) && stored[parentId] == nil {
                issues.append(ValidationIssue(field: field, problem: "'\(parentId)' is not a known organisation"))
            }
        }
        // Cycles only mean something once every parent is known.
        guard issues.isEmpty else { return issues }
        return cycleIssues(in: organisations)
    }

    private func idIssues(_ id: String, path: String, firstIndex: [String: Int]) -> [ValidationIssue] {
        let field = "\(path).id"
        if id.isEmpty {
            return [ValidationIssue(field: field, problem: "must not be empty")]
        }
        if id.contains(where: { $0.isWhitespace || $0.isNewline }) {
            return [ValidationIssue(field: field, problem: "'\(id)' must not contain spaces")]
        }
        if let earlier = firstIndex[id] {
            return [ValidationIssue(field: field, problem: "'\(id)' is given twice (also as organisations[\(earlier)])")]
        }
        return []
    }

    /// Follows each requested organisation's parents through the tree as it would be after the
    /// change and reports the first organisation of every cycle found.
    private func cycleIssues(in organisations: [Organisation]) -> [ValidationIssue] {
        var parents = stored
        for organisation in organisations { parents[organisation.id] = .some(organisation.parentId) }
        var issues: [ValidationIssue] = []
        var reported: Set<String> = []
        for (index, organisation) in organisations.enumerated() {
            guard let parentId = organisation.parentId, !reported.contains(organisation.id) else { continue }
            var chain = [organisation.id]
            var current: String? = parentId
            while let id = current {
                if id == organisation.id {
                    chain.append(id)
                    reported.formUnion(chain)
                    issues.append(ValidationIssue(
                        field: "organisations[\(index)].parentId",
                        problem: "'\(parentId)' would make a cycle: \(chain.joined(separator: " → "))"))
                    break
                }
                // A cycle further up that does not pass through this organisation is reported
                // for one of its own members.
                if chain.contains(id) { break }
                chain.append(id)
                current = parents[id] ?? nil
            }
        }
        return issues
    }
}
