import Foundation
import Model
import PlanFormats
import Testing

/// A table exported from a stored plan, edited and read back, merges into the plan without losing
/// what the table does not hold.
@Suite struct PlanTableMergeTests {
    /// The table of `document` as a user gets it from `hyte plan export --format csv`, read back.
    static func table(of document: PlanDocument, edit: (String) -> String = { $0 }) throws -> PlanDocument {
        try PlanTable.decode(edit(PlanTable.encode(document)), fileName: "plan.csv")
    }

    @Test(arguments: PlanTableTests.examples)
    func anUnchangedTableChangesNothing(path: String) throws {
        let stored = try PlanTableTests.load(path)
        let (merged, summary) = PlanTableMerge.merge(table: try Self.table(of: stored), into: stored)
        #expect(summary.added.isEmpty)
        #expect(summary.updated.isEmpty)
        #expect(summary.kept.isEmpty)
        #expect(summary.statusReports == 0)
        #expect(merged.items == stored.items)
        #expect(merged.plan == stored.plan)
        #expect(merged.statusReports.isEmpty)
    }

    @Test func anEditedCellUpdatesOneItemAndKeepsEverythingElse() throws {
        let path = try #require(PlanTableTests.examples.first { $0.hasSuffix("kymenlaakso-children-youth-2020-2024.yaml") })
        let stored = try PlanTableTests.load(path)
        let action = try #require(stored.allItems.first { $0.item.action != nil && !$0.item.measures.isEmpty }?.item)
        let oldTitle = try #require(action.title.fi)
        let table = try Self.table(of: stored) { $0.replacingOccurrences(of: oldTitle, with: oldTitle + " (päivitetty)") }
        let (merged, summary) = PlanTableMerge.merge(table: table, into: stored)
        #expect(summary.updated == [action.number])
        #expect(summary.added.isEmpty)
        let after = try #require(merged.items.item(numbered: action.number))
        #expect(after.title.fi == oldTitle + " (päivitetty)")
        #expect(after.measures == action.measures, "measure details the table lacks are kept")
        // Goals keep their assessments and indicator links, which the table does not hold.
        let goals = stored.allItems.filter { $0.item.assessment != nil || !$0.item.indicators.isEmpty }
        #expect(!goals.isEmpty)
        for goal in goals {
            #expect(merged.items.item(numbered: goal.item.number)?.assessment == goal.item.assessment)
            #expect(merged.items.item(numbered: goal.item.number)?.indicators == goal.item.indicators)
        }
    }

    @Test func rowsAddItemsAndChangedStatusesAddReports() throws {
        let path = try #require(PlanTableTests.examples.first { $0.hasSuffix("loviisa-perusturvakeskus-2021.yaml") })
        let stored = try PlanTableTests.load(path)
        var edited = stored
        let report = try #require(stored.statusReports.last)
        edited.statusReports = [StatusReport(item: report.item, period: report.period, status: .done,
                                             narrative: LocalizedText(fi: "Valmis."), reporter: report.reporter)]
        let newAction = PlanItem(number: "9.9.9", title: LocalizedText(fi: "Uusi toimenpide"),
                                 action: ActionDetails(responsible: [ResponsibleParty(role: LocalizedText(fi: "hyte-koordinaattori"))]))
        edited.items.append(PlanItem(number: "9", title: LocalizedText(fi: "Uusi teema"), children: [
            PlanItem(number: "9.9", title: LocalizedText(fi: "Uusi tavoite"), children: [newAction]),
        ]))
        let dropped = try #require(edited.items.first?.number)
        edited.items.removeFirst()
        edited.statusReports.removeAll { $0.item.hasPrefix(dropped + ".") || $0.item == dropped }
        let (merged, summary) = PlanTableMerge.merge(table: try Self.table(of: edited), into: stored)
        #expect(summary.added == ["9", "9.9", "9.9.9"])
        #expect(summary.statusReports == 1)
        #expect(merged.statusReports.map(\.status) == [.done])
        #expect(merged.items.item(numbered: "9.9.9")?.action?.responsible.first?.role?.fi == "hyte-koordinaattori")
        #expect(summary.kept.first == dropped, "items the table lacks are kept")
        #expect(merged.items.item(numbered: dropped) != nil)
    }
}
