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
    /// `hyte indicator link PLAN/ITEM ID…`.
    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Link a plan item to indicators it follows (recorded in the audit log).")
        @OptionGroup var options: GatewayOptions
        @Argument(help: "PLAN/ITEM, e.g. kymenlaakso-2020/I.4.") var target: PlanItemPath
        @Argument(help: "Indicator ids.") var indicators: [String]
        @Option(name: .long, help: "Language: fi, sv or en.") var lang: Language = .fi

        func run() async throws {
            let gateway = Gateway(configuration: try options.resolve())
            defer { Task { await gateway.close() } }
            let reply = try await gateway.call(IndicatorStorageContracts.LinkItem.self, .init(
                planId: target.planId, item: target.item, indicators: indicators), headers: options.headers())
            if options.json { try printJSON(reply); return }
            let place = target.item.isEmpty ? target.planId : "\(target.planId)/\(target.item)"
            print(IndicatorText.word("\(place): \(reply.added) uutta linkkiä, \(reply.unchanged) oli jo",
                                     "\(place): \(reply.added) nya länkar, \(reply.unchanged) fanns redan",
                                     "\(place): \(reply.added) links added, \(reply.unchanged) already there", lang))
        }
    }
}
