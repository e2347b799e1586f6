import BusCore
import Foundation
import Model
import Testing
@testable import Storage

/// `measure.value.record`: a computed value of a measure written as a status report of its item.
@Suite struct MeasureValueTests {
    static let headers = RequestHeaders(requestId: "", actor: Actor(id: "service:participation", roles: ["service"]))

    static func record(_ storage: StorageFixture, item: String = "1.1.1", measure: String = "1.1.1-m1", period: String,
                       value: Double, requestId: String = UUID().uuidString) async throws -> PlanContracts.RecordMeasureValue.Response {
        try await storage.call(PlanContracts.RecordMeasureValue.self,
                               .init(planId: PlanSample.planId, item: item, measureId: measure,
                                     period: try ReportingPeriod(parsing: period), value: value, reporter: "participation"),
                               requestId: requestId)
    }

    @Test(arguments: Backend.allCases)
    func aValueIsAddedToTheCurrentReportKeepingItsStatusAndWrittenOnce(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let report = StatusReport(item: "1.1.1", period: ReportingPeriod(year: 2021, part: .half(1)), status: .done,
                                      narrative: LocalizedText(fi: "Kuultu kahdesti"),
                                      values: [MeasureValue(measure: "other", value: 7)], reporter: "rehtori",
                                      reportedAt: PlanSample.reportedAt)
            _ = try await storage.bus.importPlan(PlanSample.document(reports: [report]))

            // The period's current report is copied: status, narrative and other values kept.
            let first = try await Self.record(storage, period: "2021H1", value: 42.5, requestId: "r-1")
            #expect(first.changed)
            #expect(first.report.status == .done)
            #expect(first.report.narrative?.fi == "Kuultu kahdesti")
            #expect(first.report.values == [MeasureValue(measure: "1.1.1-m1", value: 42.5), MeasureValue(measure: "other", value: 7)])
            #expect(first.report.reporter == "participation")

            // The same value again, or the same request again: nothing is written.
            #expect(try await Self.record(storage, period: "2021H1", value: 42.5).changed == false)
            #expect(try await Self.record(storage, period: "2021H1", value: 42.5, requestId: "r-1") == first)
            var reports = try await storage.bus.listStatus(PlanSample.planId, currentOnly: false)
            #expect(reports.count == 2)

            // A later period without a report takes the status of the latest earlier report.
            let later = try await Self.record(storage, period: "2022", value: 50)
            #expect(later.report.status == .done)
            #expect(later.report.narrative == nil)
            #expect(later.report.values == [MeasureValue(measure: "1.1.1-m1", value: 50)])
            // An item without any report starts in progress.
            let fresh = try await Self.record(storage, item: "1.1.2", measure: "1.1.2-m1", period: "2021", value: 3)
            #expect(fresh.report.status == .inProgress)

            reports = try await storage.bus.listStatus(PlanSample.planId, currentOnly: true)
            #expect(reports.map { "\($0.item) \($0.period) \($0.values.first?.value ?? -1)" }.sorted()
                    == ["1.1.1 2021H1 42.5", "1.1.1 2022 50.0", "1.1.2 2021 3.0"])
            let audit = try await storage.bus.listAudit(recordType: "status-report")
            #expect(audit.filter { $0.actor == "service:participation" }.count == 3)
        }
    }

    @Test(arguments: Backend.allCases)
    func unknownMeasuresAndPeriodsOutsideThePlanAreRefused(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            _ = try await storage.bus.importPlan(PlanSample.document())
            for (item, measure, status) in [("9.9", "9.9-m1", 404), ("1.1.1", "nope", 404)] {
                let error = await #expect(throws: ServiceCallError.self) {
                    _ = try await Self.record(storage, item: item, measure: measure, period: "2021", value: 1)
                }
                #expect(error?.status == status)
                #expect(error?.error.message.contains(item == "9.9" ? "no item with the number '9.9'" : "no measure 'nope'") == true)
            }
            let outside = await #expect(throws: ServiceCallError.self) {
                _ = try await Self.record(storage, period: "2030", value: 1)
            }
            #expect(outside?.status == 400)
            #expect(try await storage.bus.listStatus(PlanSample.planId, currentOnly: false).isEmpty)
        }
    }

    @Test(arguments: Backend.allCases)
    func bindingRecordsAreDeletedWithAnAuditRow(_ backend: Backend) async throws {
        try await withStorage(backend) { storage async throws in
            let binding = MeasureBinding(planId: "p", item: "1", measureId: "m", figure: .eventParticipants(kind: nil))
            let document = String(decoding: try JSONCoding.encoder.encode(binding), as: UTF8.self)
            _ = try await storage.call(ParticipationStorageContracts.SaveRecords.self,
                                       .init(kind: .binding, records: [.init(id: "p/1/m", document: document)]))
            let removed = try await storage.call(ParticipationStorageContracts.SaveRecords.self,
                                                 .init(kind: .binding, records: [], deletions: ["p/1/m", "not-there"]))
            #expect(removed == .init(created: 0, updated: 0, deleted: 1))
            let listed = try await storage.call(ParticipationStorageContracts.ListRecords.self, .init(kind: .binding))
            #expect(listed.documents.isEmpty)
            let audit = try await storage.bus.listAudit(recordType: "participation.binding")
            #expect(audit.map(\.operation) == ["delete", "create"])
        }
    }
}
