import ArgumentParser
import Foundation
import Model
import ServiceRuntime

/// `PLAN/ITEM`, e.g. `kymenlaakso-2020/I.4`; without `/ITEM` the plan as a whole.
struct PlanItemPath: ExpressibleByArgument {
    var planId: String
    var item: String

    init?(argument: String) {
        let parts = argument.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard let plan = parts.first, !plan.isEmpty else { return nil }
        planId = plan
        item = parts.count > 1 ? parts[1] : ""
    }
}

extension Indicator {
    /// `hyte indicator link PLAN/ITEM ID…`: adds the indicators to the item's `indicators` list in the
    /// plan (a `plan.edit`), where reports, exports and `hyte plan show` read them.
    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Link a plan item to indicators it follows (a change of the plan, recorded in the audit log).")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "PLAN/ITEM, e.g. kymenlaakso-2020/I.4.") var target: PlanItemPath
        @Argument(help: "Indicator ids.") var indicators: [String]
        @Option(name: .long, help: "Language: fi, sv or en.") var lang: Language = .fi

        func validate() throws {
            guard !target.item.isEmpty else { throw ValidationError("give the item as PLAN/ITEM, e.g. kymenlaakso-2020/I.4") }
            guard !indicators.isEmpty else { throw ValidationError("give at least one indicator id") }
        }

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let catalogue = try await gateway.call(IndicatorStorageContracts.ListCatalogue.self, .init(), headers: options.headers())
            let known = Set(catalogue.indicators.map(\.id))
            if let unknown = indicators.first(where: { !known.contains($0) }) {
                printError("indicator '\(unknown)' is not in the catalogue; `hyte indicator list` shows it")
                throw GatewayExit.refused
            }
            let plan = try await gateway.call(PlanContracts.Get.self, .init(id: target.planId), headers: options.headers())
            guard let item = plan.items.item(numbered: target.item) else {
                printError("plan '\(target.planId)' has no item '\(target.item)'")
                throw GatewayExit.refused
            }
            var added: [String] = []
            for id in indicators where !item.indicators.contains(id) && !added.contains(id) { added.append(id) }
            if !added.isEmpty {
                var changed = item.withoutChildren
                changed.indicators += added
                _ = try await gateway.call(PlanEditContracts.Edit.self, .init(
                    planId: target.planId, expectedVersion: plan.plan.version ?? 0,
                    edits: [.updateItem(number: target.item, item: changed)]), headers: options.headers())
            }
            let reply = LinkReply(added: added.count, unchanged: Set(indicators).count - added.count)
            if options.json { try printJSON(reply); return }
            let place = "\(target.planId)/\(target.item)"
            print(IndicatorText.word("\(place): \(reply.added) uutta linkkiä, \(reply.unchanged) oli jo",
                                     "\(place): \(reply.added) nya länkar, \(reply.unchanged) fanns redan",
                                     "\(place): \(reply.added) links added, \(reply.unchanged) already there", lang))
        }
    }
}

/// What `hyte indicator link` prints with `--json`: indicators added to the item and already there.
struct LinkReply: Codable {
    var added: Int
    var unchanged: Int
}
