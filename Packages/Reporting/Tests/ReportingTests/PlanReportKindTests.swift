import BusCore
import Foundation
import Model
import Reporting
import Testing

/// A `report.*` request answered from gathered inputs, as the reporting service will do.
@Suite struct PlanReportKindTests {
    @Test func answersAFollowUpRequestAsCSVText() throws {
        let input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", .fi)
        let request = PlanReportRequest(planId: "loviisa-perusturvakeskus-2021", period: ReportingPeriod(year: 2021, part: .half(1)),
                                        format: .csv, language: .fi)
        let response = try PlanReportKind.followup.response(request, input: input)
        #expect(response.contentType == "text/csv; charset=utf-8")
        #expect(response.encoding == .text)
        #expect(response.fileName == "loviisa-perusturvakeskus-2021-followup-2021H1-fi.csv")
        #expect(response.body.hasPrefix("Seurantaraportti 1–6/2021\r\n"))
    }

    @Test func aMissingPeriodIsABadRequestAndAnEmptyPeriodIsNotFound() throws {
        let input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", .fi)
        let noPeriod = PlanReportRequest(planId: "p", format: .html, language: .fi)
        #expect(throws: ReportError.badRequest("report.followup needs a period, e.g. 2021H1")) {
            try PlanReportKind.followup.response(noPeriod, input: input)
        }
        #expect(throws: ReportError.badRequest("report.annual needs a year, e.g. 2021")) {
            try PlanReportKind.annual.response(noPeriod, input: input)
        }
        do {
            _ = try PlanReportKind.dashboard.response(PlanReportRequest(planId: "p", period: ReportingPeriod(year: 2030), format: .markdown, language: .fi),
                                                      input: input)
            Issue.record("expected an error")
        } catch let error as ReportError {
            #expect(error.serviceError.status == .notFound)
            #expect(error.serviceError.body.code == "no_data")
        }
        #expect(ReportError.browserMissing.serviceError.status == .serviceUnavailable)
    }
}
