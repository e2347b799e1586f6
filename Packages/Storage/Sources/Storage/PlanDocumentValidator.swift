import Model

/// Checks a ``PlanDocument`` before it is stored; each issue names the path of its field, e.g.
/// `items[0].children[2].action.responsible[1].organisation`.
struct PlanDocumentValidator: Sendable {
    /// The ids of the organisations that are stored or come with the document.
    var known: Set<String>

    func issues(in document: PlanDocument) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        let plan = document.plan
        if plan.id.isEmpty || plan.id.contains(where: \.isWhitespace) {
            issues.append(ValidationIssue(field: "plan.id", problem: "'\(plan.id)' is not a plan id (empty or with spaces)"))
        }
        if !known.contains(plan.owner) {
            issues.append(ValidationIssue(field: "plan.owner", problem: "'\(plan.owner)' is not a known organisation"))
        }
        if plan.period.start > plan.period.end {
            issues.append(ValidationIssue(field: "plan.period",
                                          problem: "starts in \(plan.period.start) after it ends in \(plan.period.end)"))
        }
        var numbers = Set<String>()
        func check(_ items: [PlanItem], path: String) {
            for (index, item) in items.enumerated() {
                let itemPath = "\(path)[\(index)]"
                if item.number.isEmpty {
                    issues.append(ValidationIssue(field: itemPath + ".number", problem: "an item needs a number"))
                } else if !numbers.insert(item.number).inserted {
                    issues.append(ValidationIssue(field: itemPath + ".number",
                                                  problem: "'\(item.number)' is the number of another item too"))
                }
                for (party, responsible) in (item.action?.responsible ?? []).enumerated() {
                    if let organisation = responsible.organisation, !known.contains(organisation) {
                        issues.append(ValidationIssue(field: "\(itemPath).action.responsible[\(party)].organisation",
                                                      problem: "'\(organisation)' is not a known organisation"))
                    }
                }
                check(item.children, path: itemPath + ".children")
            }
        }
        check(document.items, path: "items")
        for (index, report) in document.statusReports.enumerated() {
            if !numbers.contains(report.item) {
                issues.append(ValidationIssue(field: "statusReports[\(index)].item",
                                              problem: "no item of the plan has the number '\(report.item)'"))
            }
            if let problem = Self.periodProblem(report.period, plan: plan) {
                issues.append(ValidationIssue(field: "statusReports[\(index)].period", problem: problem))
            }
        }
        return issues
    }

    /// Why `period` does not lie in the plan's period, or nil when it does.
    static func periodProblem(_ period: ReportingPeriod, plan: Plan) -> String? {
        guard period.year < plan.period.start || period.year > plan.period.end else { return nil }
        return "'\(period)' lies outside the period \(plan.period.start)–\(plan.period.end) of plan '\(plan.id)'"
    }
}
