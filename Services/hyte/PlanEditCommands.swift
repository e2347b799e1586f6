import ArgumentParser
import BusCore
import Foundation
import Model
import PlanFormats
import Yams

/// `PLAN/ITEM` as the commands take it, e.g. `loviisa-perusturvakeskus-2021/1.1.1.1`.
struct ItemReference: ExpressibleByArgument {
    var plan: String
    var item: String

    init?(argument: String) {
        guard let slash = argument.firstIndex(of: "/"), slash != argument.startIndex,
              argument.index(after: slash) != argument.endIndex else { return nil }
        plan = String(argument[..<slash])
        item = String(argument[argument.index(after: slash)...])
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

/// The options every edit shares: the version the change is made from.
struct EditOptions: ParsableArguments {
    @Option(name: .long, help: "Refuse the change unless the stored plan has this version (default: the version read just before).")
    var expectedVersion: Int?
}

extension Gateway {
    /// Applies `edits` to plan `planId`, from `expectedVersion` or the stored version, and prints what changed.
    func edit(_ planId: String, _ edits: (PlanDocument) throws -> [PlanEdit], expectedVersion: Int?,
              options: GatewayOptions) async throws {
        let stored = try await call(PlanContracts.Get.self, .init(id: planId), headers: options.headers())
        let request = PlanEditContracts.Edit.Request(planId: planId, expectedVersion: expectedVersion ?? stored.plan.version ?? 0,
                                                     edits: try edits(stored))
        let reply = try await call(PlanEditContracts.Edit.self, request, headers: options.headers())
        if options.json { try printJSON(reply); return }
        print(reply.changed == 0 ? "plan \(reply.planId): nothing changed, version \(reply.version)"
                                 : "plan \(reply.planId): \(reply.changed) change(s), now version \(reply.version)")
    }
}

extension PlanCommand {
    struct Edit: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply a file of edits (YAML or JSON) to a stored plan in one transaction, all or nothing.",
            discussion: """
            The file is a list of edits, each with an `op`: plan.update, item.add, item.update, item.delete, action.set, \
            measure.set, measure.delete (see docs/protocol/storage.md).
            """)
        @OptionGroup var options: GatewayOptions
        @OptionGroup var edit: EditOptions
        @Argument(help: "The plan's id.") var plan: String
        @Option(name: .long, help: "The edits.") var file: String

        func run() async throws {
            let text: String
            do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
                printError("cannot read \(file): \(error.localizedDescription)")
                throw ExitCode.failure
            }
            let edits: [PlanEdit]
            do { edits = try YAMLDecoder().decode([PlanEdit].self, from: text) } catch {
                printError("\(file): \(JSONCoding.describe(error))")
                throw ExitCode(4)
            }
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            try await gateway.edit(plan, { _ in edits }, expectedVersion: edit.expectedVersion, options: options)
        }
    }

    struct Delete: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Delete a stored plan and its status reports (the audit log keeps them).")
        @OptionGroup var options: GatewayOptions
        @OptionGroup var edit: EditOptions
        @Argument(help: "The plan's id.") var plan: String
        @Flag(name: .long, help: "Confirm the deletion.") var yes = false

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let stored = try await gateway.call(PlanContracts.Get.self, .init(id: plan), headers: options.headers())
            guard yes else {
                printError("plan \(plan) has \(stored.allItems.count) items and \(stored.statusReports.count) status reports; "
                           + "add --yes to delete it")
                throw GatewayExit.refused
            }
            let reply = try await gateway.call(PlanEditContracts.Delete.self,
                                               .init(planId: plan, expectedVersion: edit.expectedVersion ?? stored.plan.version ?? 0),
                                               headers: options.headers())
            if options.json { try printJSON(reply); return }
            print("plan \(reply.planId) deleted with \(reply.statusReportsDeleted) status reports; `hyte audit` keeps them")
        }
    }

    /// `hyte plan item add|update|delete`.
    struct Item: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Add, change or delete one item (focus area, goal, action) of a stored plan.",
            subcommands: [Add.self, Update.self, Remove.self])
    }

    /// `hyte plan measure set|delete|bind|unbind|bindings|sync`.
    struct MeasureCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "measure",
            abstract: "Add, change or delete a measure of an item of a stored plan; bind it to a participation figure.",
            subcommands: [Set.self, Remove.self, Bind.self, Unbind.self, Bindings.self, Sync.self])
    }
}

/// The fields of an item the command line can set.
struct ItemFields: ParsableArguments {
    @Option(name: .long, help: "The item's text.") var title: String?
    @Option(name: .long, help: "A responsible party: @org-id, a role, or 'role @org-id'; repeat for several.")
    var responsible: [String] = []
    @Option(name: .long, help: "The schedule as written, e.g. '2022–2023' or 'Jatkuva'.") var schedule: String?
    @Option(name: .long, help: "A target group; repeat for several.") var targetGroup: [String] = []
    @Option(name: .long, help: "preventive, early-support or intensive; repeat for several.") var prevention: [PreventionLevel] = []
    @Option(name: .long, help: "Notes.") var notes: String?
    @Option(name: .long, help: "fi, sv or en: the language of the texts given.") var lang: Language = .fi

    /// True when an option of an action was given.
    var setsAction: Bool { !responsible.isEmpty || schedule != nil || !targetGroup.isEmpty || !prevention.isEmpty || notes != nil }

    /// `item` with the given fields set.
    func applied(to item: PlanItem) -> PlanItem {
        var item = item
        if let title { item.title = Self.set(item.title, title, lang) }
        guard setsAction else { return item }
        var action = item.action ?? ActionDetails()
        if !responsible.isEmpty { action.responsible = responsible.map { ResponsibleParty(parsing: $0, language: lang) } }
        if let schedule { action.schedule = Schedule(parsing: schedule) }
        if !targetGroup.isEmpty { action.targetGroups = targetGroup.map { LocalizedText($0, in: lang) } }
        if !prevention.isEmpty { action.preventionLevels = prevention }
        if let notes { action.notes = Self.set(action.notes ?? LocalizedText(), notes, lang) }
        item.action = action
        return item
    }

    /// `text` with `value` in `language`, its other languages kept.
    static func set(_ text: LocalizedText, _ value: String, _ language: Language) -> LocalizedText {
        var text = text
        switch language {
        case .fi: text.fi = value
        case .sv: text.sv = value
        case .en: text.en = value
        }
        return text
    }
}

extension PreventionLevel: ExpressibleByArgument {}
extension MeasureKind: ExpressibleByArgument {}
extension Direction: ExpressibleByArgument {}

extension PlanCommand.Item {
    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an item under another, or at the top level.")
        @OptionGroup var options: GatewayOptions
        @OptionGroup var edit: EditOptions
        @Argument(help: "PLAN/NUMBER of the new item, e.g. loviisa-action-matrix-2021/1.2.4.") var item: ItemReference
        @Option(name: .long, help: "The number of the parent item (default: the number without its last part).") var parent: String?
        @Option(name: .long, help: "The position among the parent's items, from 0 (default: last).") var position: Int?
        @Flag(name: .long, help: "The item is an action (implied by --responsible, --schedule …).") var action = false
        @OptionGroup var fields: ItemFields

        func validate() throws {
            guard fields.title != nil else { throw ValidationError("--title is needed for a new item") }
        }

        func run() async throws {
            var new = fields.applied(to: PlanItem(number: item.item, title: LocalizedText()))
            if action, new.action == nil { new.action = ActionDetails() }
            let components = item.item.split(separator: ".")
            let parent = parent ?? (components.count > 1 ? components.dropLast().joined(separator: ".") : nil)
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            try await gateway.edit(item.plan, { _ in [.addItem(parent: parent, position: position, item: new)] },
                                   expectedVersion: edit.expectedVersion, options: options)
        }
    }

    struct Update: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change the text or action details of an item.")
        @OptionGroup var options: GatewayOptions
        @OptionGroup var edit: EditOptions
        @Argument(help: "PLAN/NUMBER of the item.") var item: ItemReference
        @OptionGroup var fields: ItemFields

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            try await gateway.edit(item.plan, { stored in
                guard let current = stored.items.item(numbered: item.item) else {
                    printError("plan \(item.plan) has no item numbered \(item.item)")
                    throw GatewayExit.refused
                }
                return [.updateItem(number: item.item, item: fields.applied(to: current).withoutChildren)]
            }, expectedVersion: edit.expectedVersion, options: options)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete", abstract: "Delete an item and the items below it (refused while status reports name them).")
        @OptionGroup var options: GatewayOptions
        @OptionGroup var edit: EditOptions
        @Argument(help: "PLAN/NUMBER of the item.") var item: ItemReference

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            try await gateway.edit(item.plan, { _ in [.deleteItem(number: item.item)] },
                                   expectedVersion: edit.expectedVersion, options: options)
        }
    }
}

/// `YEAR=VALUE` with a decimal comma or point, e.g. `2019=12,5`.
struct YearValueArgument: ExpressibleByArgument {
    var value: YearValue

    init?(argument: String) {
        let parts = argument.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let year = Int(parts[0]),
              let number = Double(parts[1].replacingOccurrences(of: ",", with: ".")) else { return nil }
        value = YearValue(year: year, value: number)
    }
}

extension PlanCommand.MeasureCommand {
    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a measure to an item, or replace the one with the same id.")
        @OptionGroup var options: GatewayOptions
        @OptionGroup var edit: EditOptions
        @Argument(help: "PLAN/NUMBER of the item.") var item: ItemReference
        @Option(name: .long, help: "The measure's id, unique in the item.") var id: String
        @Option(name: .long, help: "done-not-done, count, value, indicator or text.") var kind: MeasureKind
        @Option(name: .long, help: "The measure's text.") var title: String
        @Option(name: .long, help: "The unit of a value, e.g. % or hlö.") var unit: String?
        @Option(name: .long, help: "The baseline as YEAR=VALUE, e.g. 2019=12,5.") var baseline: YearValueArgument?
        @Option(name: .long, help: "The target as YEAR=VALUE, e.g. 2025=10.") var target: YearValueArgument?
        @Option(name: .long, help: "higher-is-better, lower-is-better or neutral.") var direction: Direction?
        @Option(name: .long, help: "The id of the statistical indicator the value comes from.") var indicator: String?
        @Option(name: .long, help: "fi, sv or en: the language of --title.") var lang: Language = .fi

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            try await gateway.edit(item.plan, { stored in
                let existing = stored.items.item(numbered: item.item)?.measures.first { $0.id == id }
                let measure = Measure(id: id, kind: kind, title: ItemFields.set(existing?.title ?? LocalizedText(), title, lang),
                                      unit: unit, baseline: baseline?.value, target: target?.value, direction: direction,
                                      indicator: indicator)
                return [.setMeasure(item: item.item, measure: measure)]
            }, expectedVersion: edit.expectedVersion, options: options)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a measure of an item.")
        @OptionGroup var options: GatewayOptions
        @OptionGroup var edit: EditOptions
        @Argument(help: "PLAN/NUMBER of the item.") var item: ItemReference
        @Argument(help: "The measure's id.") var id: String

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            try await gateway.edit(item.plan, { _ in [.deleteMeasure(item: item.item, id: id)] },
                                   expectedVersion: edit.expectedVersion, options: options)
        }
    }
}
