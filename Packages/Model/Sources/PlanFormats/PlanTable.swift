import Foundation
import Model

/// The tabular form of a plan: one row per action (per action and period when it has status
/// reports), with the levels above it in columns, as municipalities keep plans in Excel.
///
/// The file starts with `#` rows that hold the plan's header (`#plan.id;…`), then a row of
/// column names, then the data. It holds the tree's numbers and titles, the actions with their
/// details, the titles of their measures, and the current status of each action per period;
/// texts other than titles are in the plan's primary language. Assessments, indicators and
/// measures of goals live in the YAML form only. See `docs/formats/plan-table.md`.
public enum PlanTable {
    /// The first row of every table file.
    public static let formatTag = "hyte-plan-table/1"

    static let actionColumns = ["responsible", "schedule", "targetGroups", "preventionLevels", "resources", "notes",
                                "projects", "measures"]
    static let statusColumns = ["period", "status", "reason", "narrative", "reporter"]

    // MARK: Writing

    /// The table of a plan, with `;` (Finnish and Swedish Excel) or another separator.
    public static func encode(_ document: PlanDocument, separator: Character = ";") -> String {
        DelimitedText.write(rows(document), separator: separator)
    }

    /// The cells of the table, row by row: header rows, column names, data.
    public static func rows(_ document: PlanDocument) -> [[String]] {
        let plan = document.plan
        let primary = plan.languages.first ?? .fi
        let languages = plan.languages.isEmpty ? [Language.fi] : plan.languages
        var rows: [[String]] = [["#format", formatTag], ["#plan.id", plan.id], ["#plan.kind", plan.kind.rawValue]]
        for language in Language.allCases { if let text = plan.title[language] { rows.append(["#plan.title.\(language)", text]) } }
        rows.append(["#plan.period", "\(plan.period.start)", "\(plan.period.end)"])
        rows.append(["#plan.owner", plan.owner])
        rows.append(["#plan.languages"] + languages.map(\.rawValue))
        rows.append(["#plan.state", plan.state.rawValue])
        if let parent = plan.parent { rows.append(["#plan.parent", parent]) }
        if let approval = plan.approval {
            for language in Language.allCases {
                if let text = approval.body[language] { rows.append(["#plan.approval.body.\(language)", text]) }
            }
            rows.append(["#plan.approval.date", approval.date])
            if let reference = approval.reference { rows.append(["#plan.approval.reference", reference]) }
        }
        for language in Language.allCases where plan.levels.contains(where: { $0[language] != nil }) {
            rows.append(["#plan.levels.\(language)"] + plan.levels.map { $0[language] ?? "" })
        }

        let leaves = leafPaths(document.items)
        let depth = leaves.map { $0.count - 1 }.max() ?? 0
        var header: [String] = []
        for level in 0..<depth {
            header.append("level\(level + 1).number")
            header += languages.map { "level\(level + 1).title.\($0)" }
        }
        header.append("number")
        header += languages.map { "title.\($0)" }
        header += actionColumns + statusColumns
        rows.append(header)

        for path in leaves {
            let leaf = path.last!
            var base: [String] = []
            for level in 0..<depth {
                if level < path.count - 1 {
                    base.append(path[level].number)
                    base += languages.map { path[level].title[$0] ?? "" }
                } else {
                    base += Array(repeating: "", count: 1 + languages.count)
                }
            }
            base.append(leaf.number)
            base += languages.map { leaf.title[$0] ?? "" }
            base += actionCells(leaf, primary)
            let current = currentReports(document, item: leaf.number)
            if current.isEmpty {
                rows.append(base + Array(repeating: "", count: statusColumns.count))
            }
            for report in current {
                rows.append(base + [report.period.description, report.status.rawValue, report.reason?[primary] ?? "",
                                    report.narrative?[primary] ?? "", report.reporter ?? ""])
            }
        }
        return rows
    }

    /// Paths from a root to each leaf, in tree order.
    static func leafPaths(_ items: [PlanItem], prefix: [PlanItem] = []) -> [[PlanItem]] {
        items.flatMap { item in item.children.isEmpty ? [prefix + [item]] : leafPaths(item.children, prefix: prefix + [item]) }
    }

    /// The last report per period for an item, oldest period first.
    static func currentReports(_ document: PlanDocument, item: String) -> [StatusReport] {
        var byPeriod: [ReportingPeriod: StatusReport] = [:]
        for report in document.statusReports where report.item == item { byPeriod[report.period] = report }
        return byPeriod.values.sorted { $0.period < $1.period }
    }

    static func actionCells(_ item: PlanItem, _ language: Language) -> [String] {
        let action = item.action
        let responsible = (action?.responsible ?? []).map { party -> String in
            let role = party.role?[language] ?? party.role?.resolved(language)?.text ?? ""
            switch (party.organisation, role) {
            case (let organisation?, ""): return "@\(organisation)"
            case (let organisation?, let role): return "\(role) @\(organisation)"
            case (nil, let role): return role
            }
        }
        return [
            responsible.joined(separator: "\n"),
            action?.schedule?.text ?? "",
            (action?.targetGroups ?? []).map { $0[language] ?? "" }.joined(separator: "\n"),
            (action?.preventionLevels ?? []).map(\.rawValue).joined(separator: "\n"),
            action?.resources?[language] ?? "",
            action?.notes?[language] ?? "",
            (action?.projects ?? []).joined(separator: "\n"),
            item.measures.map { $0.title[language] ?? $0.title.resolved(language)?.text ?? "" }.joined(separator: "\n"),
        ]
    }
}
