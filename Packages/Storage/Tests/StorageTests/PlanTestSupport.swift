import BusCore
import BusTesting
import Foundation
import Model
@testable import Storage

/// Small plan documents built in code, shaped like the Loviisa action matrix.
enum PlanSample {
    static let planId = "loviisa-action-matrix-2021"

    static let fourH = Organisation(id: "loviisa.4h", kind: .partner, name: LocalizedText(fi: "Loviisan 4H-yhdistys"),
                                    parentId: "loviisa")

    static func action(_ number: String, _ title: String, responsible: [ResponsibleParty]) -> PlanItem {
        PlanItem(number: number, title: LocalizedText(fi: title),
                 action: ActionDetails(responsible: responsible, schedule: Schedule(text: "2021–2022", startYear: 2021, endYear: 2022),
                                       targetGroups: [LocalizedText(fi: "Lapset ja nuoret")], preventionLevels: [.preventive]),
                 measures: [Measure(id: "\(number)-m1", kind: .doneNotDone, title: LocalizedText(fi: "Toteutunut / Ei toteutunut"))])
    }

    /// Focus area 1 → goal 1.1 → actions 1.1.1 (the basic security centre) and 1.1.2 (the 4H
    /// association, which comes with the document).
    static func document(partner: String = "loviisa.4h", title: String = "Hyvinvointisuunnitelma 2021–2025",
                         reports: [StatusReport] = []) -> PlanDocument {
        let plan = Plan(id: planId, kind: .councilTermWelfarePlan, title: LocalizedText(fi: title, sv: "Välfärdsplan 2021–2025"),
                        period: YearSpan(start: 2021, end: 2025), owner: "loviisa", languages: [.fi, .sv],
                        approval: Approval(body: LocalizedText(fi: "Kaupunginvaltuusto"), date: "2021-11-15", reference: "§ 85"),
                        state: .approved,
                        levels: [LocalizedText(fi: "painopiste"), LocalizedText(fi: "tavoite"), LocalizedText(fi: "toimenpide")])
        let goal = PlanItem(number: "1.1", title: LocalizedText(fi: "Nuorten osallisuus vahvistuu"), children: [
            action("1.1.1", "Nuorisovaltuuston kuuleminen", responsible: [ResponsibleParty(organisation: "loviisa.perusturva")]),
            action("1.1.2", "Harrastustoiminta kaikille", responsible: [
                ResponsibleParty(role: LocalizedText(fi: "nuorisotyö")), ResponsibleParty(organisation: partner),
            ]),
        ])
        let focus = PlanItem(number: "1", title: LocalizedText(fi: "Lasten ja nuorten hyvinvointi"), children: [goal])
        return PlanDocument(plan: plan, organisations: [Sample.loviisa, Sample.perusturva, fourH], items: [focus],
                            statusReports: reports)
    }

    static let reportedAt = Date(timeIntervalSince1970: 1_625_000_000)

    static func report(_ item: String = "1.1.1", _ period: String = "2021H1", _ status: ActionStatus = .inProgress,
                       narrative: String? = nil) -> StatusReport {
        StatusReport(item: item, period: try! ReportingPeriod(parsing: period), status: status,
                     narrative: narrative.map { LocalizedText(fi: $0) },
                     values: [MeasureValue(measure: "\(item)-m1", value: 1)], reporter: "rehtori", reportedAt: reportedAt)
    }

    /// A larger plan: 5 focus areas × 4 goals × 5 actions, each action with two reports.
    static func large() -> PlanDocument {
        var document = document()
        var items: [PlanItem] = []
        var reports: [StatusReport] = []
        for focus in 1...5 {
            var goals: [PlanItem] = []
            for goal in 1...4 {
                var actions: [PlanItem] = []
                for number in 1...5 {
                    let id = "\(focus).\(goal).\(number)"
                    actions.append(action(id, "Toimenpide \(id)", responsible: [
                        ResponsibleParty(organisation: number.isMultiple(of: 2) ? "loviisa.4h" : "loviisa.perusturva"),
                    ]))
                    reports.append(report(id, "2021H1", .inProgress, narrative: "Käynnistynyt \(id)"))
                    reports.append(report(id, "2021", number == 3 ? .postponed : .done))
                }
                goals.append(PlanItem(number: "\(focus).\(goal)", title: LocalizedText(fi: "Tavoite \(focus).\(goal)"),
                                      assessment: Assessment(difficulty: .medium, impact: .high), children: actions))
            }
            items.append(PlanItem(number: "\(focus)", title: LocalizedText(fi: "Painopiste \(focus)", sv: "Fokusområde \(focus)"),
                                  children: goals))
        }
        document.plan.id = "loviisa-large-2021"
        document.items = items
        document.statusReports = reports
        return document
    }
}

extension InMemoryBus {
    func importPlan(_ document: PlanDocument, expectedVersion: Int? = nil, requestId: String = UUID().uuidString,
                    actor: String = "coordinator@loviisa.fi") async throws -> PlanContracts.Import.Response {
        try await call(PlanContracts.Import.self, .init(document: document, expectedVersion: expectedVersion),
                       headers: RequestHeaders(requestId: requestId, actor: Actor(id: actor)))
    }

    func listPlans() async throws -> [PlanSummary] {
        try await call(PlanContracts.List.self, Empty(), headers: RequestHeaders(actor: Actor(id: "reader"))).plans
    }

    func getPlan(_ id: String) async throws -> PlanDocument {
        try await call(PlanContracts.Get.self, .init(id: id), headers: RequestHeaders(actor: Actor(id: "reader")))
    }

    func recordStatus(_ planId: String, _ report: StatusReport, requestId: String = UUID().uuidString,
                      actor: String = "rehtori@loviisa.fi") async throws -> StatusReport {
        try await call(PlanContracts.RecordStatus.self, .init(planId: planId, report: report),
                       headers: RequestHeaders(requestId: requestId, actor: Actor(id: actor))).report
    }

    func listStatus(_ planId: String, period: ReportingPeriod? = nil, currentOnly: Bool) async throws -> [StatusReport] {
        try await call(PlanContracts.ListStatus.self, .init(planId: planId, period: period, currentOnly: currentOnly),
                       headers: RequestHeaders(actor: Actor(id: "reader"))).reports
    }

    func listAudit(limit: Int? = nil, recordType: String? = nil, recordId: String? = nil) async throws -> [AuditRecord] {
        try await call(PlanContracts.ListAudit.self, .init(limit: limit, recordType: recordType, recordId: recordId),
                       headers: RequestHeaders(actor: Actor(id: "reader"))).entries
    }
}
