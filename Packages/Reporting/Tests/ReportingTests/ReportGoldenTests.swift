import Foundation
import Model
import Reporting
import Testing

/// The Markdown and CSV of the matrix and follow-up reports of the example plans, against committed
/// golden files in `Golden/` (regenerate with `UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests`).
@Suite struct ReportGoldenTests {
    static let h1 = ReportingPeriod(year: 2021, part: .half(1))

    @Test(arguments: ["loviisa-action-matrix", "loviisa-perusturvakeskus-2021", "kymenlaakso-children-youth-2020-2024"])
    func actionMatrixWithoutStatusMatchesGolden(plan: String) throws {
        let document = try ActionMatrixReport(input: ReportFixtures.input(plan, .fi)).document()
        try ReportFixtures.expectGolden(ReportMarkdownRenderer().render(document), "matrix-\(plan)-fi.md")
        try ReportFixtures.expectGolden(ReportCSVRenderer().render(document), "matrix-\(plan)-fi.csv")
    }

    @Test func actionMatrixWithTheStatusOfAPeriodMatchesGolden() throws {
        let document = try ActionMatrixReport(input: ReportFixtures.input("loviisa-perusturvakeskus-2021", .fi), period: Self.h1).document()
        try ReportFixtures.expectGolden(ReportMarkdownRenderer().render(document), "matrix-loviisa-perusturvakeskus-2021-2021H1-fi.md")
        try ReportFixtures.expectGolden(ReportCSVRenderer().render(document), "matrix-loviisa-perusturvakeskus-2021-2021H1-fi.csv")
    }

    @Test(arguments: [Language.fi, .sv, .en])
    func followUpReportMatchesGolden(language: Language) throws {
        let document = try FollowUpReport(input: ReportFixtures.input("loviisa-perusturvakeskus-2021", language), period: Self.h1).document()
        let name = "followup-loviisa-perusturvakeskus-2021-2021H1-\(language.rawValue)"
        try ReportFixtures.expectGolden(ReportMarkdownRenderer().render(document), "\(name).md")
        try ReportFixtures.expectGolden(ReportCSVRenderer().render(document), "\(name).csv")
    }

    @Test func aPeriodWithoutStatusReportsIsAnErrorNotAnEmptyReport() throws {
        let input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", .fi)
        #expect(throws: ReportError.noData("plan 'loviisa-perusturvakeskus-2021' has no status reports for period 2022H1")) {
            try FollowUpReport(input: input, period: ReportingPeriod(year: 2022, part: .half(1))).document()
        }
        #expect(throws: ReportError.noData("plan 'loviisa-perusturvakeskus-2021' has no status reports for period 2020")) {
            try ActionMatrixReport(input: input, period: ReportingPeriod(year: 2020)).document()
        }
    }
}
