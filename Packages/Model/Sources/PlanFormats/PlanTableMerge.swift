import Foundation
import Model

/// Merges a plan read from the tabular form (CSV, TSV, XLSX) into the stored plan, so that a
/// table edited in Excel updates the plan without losing what the table does not hold.
///
/// The rules (documented in `docs/formats/plan-table.md`):
/// - texts the table gives replace those languages only; languages and texts the table lacks stay;
/// - an action's responsible parties, schedule, prevention levels and projects are the table's;
///   its target groups, resources and notes keep their translations when the primary-language text
///   is unchanged; an empty cell keeps the stored text (a table cannot delete a text);
/// - an action's measures are the table's list; a measure whose title matches a stored one keeps
///   its id, kind, unit, baseline, target, direction and indicator;
/// - items of the table that are not stored are added under their parent, in table order;
///   stored items the table lacks are kept (listed in ``Summary/kept``), as are descriptions,
///   assessments, indicator links and the measures of goals;
/// - a status report is added only when it differs from the current stored report of its item and
///   period in status, reason, narrative or reporter.
public enum PlanTableMerge {
    /// What a merge changed.
    public struct Summary: Sendable, Hashable, Codable {
        /// Numbers of the items added from the table.
        public var added: [String] = []
        /// Numbers of the stored items whose content the table changed.
        public var updated: [String] = []
        /// Numbers of the stored items the table does not have; they stay as they are.
        public var kept: [String] = []
        /// Status reports of the table that are new or differ from the current stored ones.
        public var statusReports = 0
    }

    /// The stored plan with the table merged in, and what changed. `stored` should carry its
    /// status reports (as `plan.get` returns them); the result carries only the reports to add.
    public static func merge(table: PlanDocument, into stored: PlanDocument) -> (document: PlanDocument, summary: Summary) {
        let primary = stored.plan.languages.first ?? .fi
        var summary = Summary()
        var document = stored
        document.statusReports = []
        document.plan = mergedPlan(table.plan, into: stored.plan)

        for (item, parent) in Self.itemsWithParents(table.items, parent: nil) {
            if let existing = document.items.item(numbered: item.number) {
                let merged = mergedItem(item, into: existing, primary: primary)
                if merged.withoutChildren != existing.withoutChildren {
                    document.items.modifyItem(numbered: item.number) { stored in
                        let children = stored.children
                        stored = merged
                        stored.children = children
                    }
                    summary.updated.append(item.number)
                }
            } else {
                var added = item
                added.children = []
                if let parent, document.items.item(numbered: parent) != nil {
                    document.items.modifyItem(numbered: parent) { $0.children.append(added) }
                } else {
                    document.items.append(added)
                }
                summary.added.append(item.number)
            }
        }
        let tableNumbers = Set(table.allItems.map(\.item.number))
        summary.kept = stored.allItems.map(\.item.number).filter { !tableNumbers.contains($0) }

        var current: [String: StatusReport] = [:]
        for report in stored.statusReports {
            current["\(report.item)|\(report.period)"] = report
        }
        for report in table.statusReports {
            if let latest = current["\(report.item)|\(report.period)"], sameContent(latest, report, primary: primary) { continue }
            document.statusReports.append(report)
            summary.statusReports += 1
        }
        return (document, summary)
    }

    private static func itemsWithParents(_ items: [PlanItem], parent: String?) -> [(PlanItem, String?)] {
        items.flatMap { item in [(item, parent)] + itemsWithParents(item.children, parent: item.number) }
    }

    private static func mergedPlan(_ table: Plan, into stored: Plan) -> Plan {
        var plan = table
        plan.version = stored.version
        plan.title = merged(stored.title, table.title)
        plan.approval = table.approval.map { approval in
            var approval = approval
            approval.body = merged(stored.approval?.body ?? LocalizedText(), approval.body)
            return approval
        } ?? stored.approval
        plan.parent = table.parent ?? stored.parent
        plan.levels = table.levels.indices.map { index in
            index < stored.levels.count ? merged(stored.levels[index], table.levels[index]) : table.levels[index]
        }
        if table.levels.count < stored.levels.count {
            plan.levels += stored.levels[table.levels.count...]
        }
        return plan
    }

    private static func mergedItem(_ table: PlanItem, into stored: PlanItem, primary: Language) -> PlanItem {
        var item = stored
        item.title = merged(stored.title, table.title)
        guard let action = table.action else { return item }
        var details = stored.action ?? ActionDetails()
        details.responsible = action.responsible.map { party in
            // A role typed in the primary language keeps its stored translations.
            guard let role = party.role,
                  let known = stored.action?.responsible.first(where: { $0.organisation == party.organisation
                      && $0.role?[primary] == role[primary] }) else { return party }
            return known
        }
        details.schedule = action.schedule
        details.preventionLevels = action.preventionLevels
        details.projects = action.projects
        details.targetGroups = action.targetGroups.map { group in
            stored.action?.targetGroups.first { $0[primary] == group[primary] } ?? group
        }
        details.resources = mergedOptional(stored.action?.resources, action.resources, primary: primary)
        details.notes = mergedOptional(stored.action?.notes, action.notes, primary: primary)
        item.action = details
        item.measures = table.measures.map { measure in
            stored.measures.first { $0.title[primary] == measure.title[primary] } ?? measure
        }
        return item
    }

    /// `stored` with every language `table` gives replaced.
    private static func merged(_ stored: LocalizedText, _ table: LocalizedText) -> LocalizedText {
        LocalizedText(fi: table.fi ?? stored.fi, sv: table.sv ?? stored.sv, en: table.en ?? stored.en)
    }

    /// An optional text: the stored one when the table's is empty or the same in the primary language.
    private static func mergedOptional(_ stored: LocalizedText?, _ table: LocalizedText?, primary: Language) -> LocalizedText? {
        guard let table, !table.isEmpty else { return stored }
        guard let stored else { return table }
        return stored[primary] == table[primary] ? stored : merged(stored, table)
    }

    private static func sameContent(_ stored: StatusReport, _ table: StatusReport, primary: Language) -> Bool {
        stored.status == table.status && stored.reason?[primary] == table.reason?[primary]
            && stored.narrative?[primary] == table.narrative?[primary]
            && (table.reporter == nil || stored.reporter == table.reporter)
    }
}
