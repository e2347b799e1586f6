import Foundation
import Model
import Reporting
import Testing

/// Labels, status words, months and number formats differ by language as Finnish and English conventions ask.
@Suite struct ReportLocalisationTests {
    @Test func finnishAndSwedishUseADecimalCommaAndEnglishADecimalPoint() {
        #expect(ReportNumberFormat(.fi).percent(89.5, decimals: 1) == "89,5\u{00A0}%")
        #expect(ReportNumberFormat(.sv).percent(89.5, decimals: 1) == "89,5\u{00A0}%")
        #expect(ReportNumberFormat(.en).percent(89.5, decimals: 1) == "89.5\u{00A0}%")
        #expect(ReportNumberFormat(.fi).number(42_500, decimals: 0) == "42\u{00A0}500")
        #expect(ReportNumberFormat(.en).number(42_500, decimals: 0) == "42,500")
        #expect(ReportNumberFormat(.fi).number(3514, decimals: 0) == "3514")
        #expect(ReportNumberFormat(.fi).number(-1234567.891, decimals: 2) == "−1\u{00A0}234\u{00A0}567,89")
        #expect(ReportNumberFormat(.en).number(0.05, decimals: 1) == "0.1")
        #expect(ReportNumberFormat(.fi).number(26, decimals: 0, unit: "pv") == "26\u{00A0}pv")
    }

    @Test func datesMonthsAndPeriodsFollowEachLanguage() {
        let day = ReportDate(year: 2021, month: 11, day: 15)
        #expect(ReportNumberFormat(.fi).date(day) == "15.11.2021")
        #expect(ReportNumberFormat(.sv).date(day) == "15.11.2021")
        #expect(ReportNumberFormat(.en).date(day) == "15 November 2021")
        #expect(ReportNumberFormat(.fi).monthName(11) == "marraskuu")
        #expect(ReportNumberFormat(.sv).monthName(11) == "november")
        let half = ReportingPeriod(year: 2021, part: .half(1))
        #expect(ReportNumberFormat(.fi).period(half) == "1–6/2021")
        #expect(ReportNumberFormat(.en).period(half) == "January–June 2021")
        #expect(ReportNumberFormat(.en).period(ReportingPeriod(year: 2021)) == "2021")
    }

    @Test func theSameReportHasDifferentLabelsInEachLanguage() throws {
        var firstLines: [String] = []
        for language in Language.allCases {
            let input = try ReportFixtures.input("loviisa-perusturvakeskus-2021", language)
            let markdown = ReportMarkdownRenderer().render(try FollowUpReport(input: input, period: ReportingPeriod(year: 2021, part: .half(1))).document())
            firstLines.append(String(markdown.prefix { $0 != "\n" }))
        }
        #expect(firstLines == ["# Seurantaraportti 1–6/2021", "# Uppföljningsrapport 1–6/2021", "# Follow-up report January–June 2021"])
    }

    @Test func csvUsesSemicolonAndDecimalCommaInFinnishAndCommaAndPointInEnglish() {
        let document = { (language: Language) in
            ReportDocument(title: "T", language: language, generated: ReportDate(year: 2021, month: 1, day: 2), sections: [
                ReportSection("S", blocks: [.table(ReportTable(caption: "C", columns: ["a", "b"], rows: [[.percent(89.5, decimals: 1), .number(42_500.5, decimals: 1)]]))]),
            ])
        }
        #expect(ReportCSVRenderer().render(document(.fi)) == "T\r\nLaadittu 2.1.2021\r\n\r\nS › C\r\na;b\r\n89,5 %;42500,5\r\n")
        #expect(ReportCSVRenderer().render(document(.en)) == "T\r\nGenerated 2021-01-02\r\n\r\nS › C\r\na,b\r\n89.5 %,42500.5\r\n")
    }

    @Test func aTextMissingInTheReportsLanguageIsShownInThePlansLanguageAndMarked() throws {
        let input = try ReportFixtures.input("loviisa-action-matrix", .sv)
        let markdown = ReportMarkdownRenderer().render(try ActionMatrixReport(input: input).document())
        #expect(markdown.contains("## 1 Asukkaiden osallisuus (fi)"))
        #expect(markdown.hasSuffix("_(fi) = texten visas på finska, eftersom svensk text saknas._\n"))
        #expect(markdown.contains("| Åtgärd | Mätare | Ansvarig |"))
    }

    @Test func statusWordsAndSymbolsExistInEveryLanguage() {
        for status in ActionStatus.allCases {
            let words = Language.allCases.map { ReportCell.status(status).display($0) }
            #expect(Set(words).count == 3 || status == .inProgress && Set(words).count >= 2, "\(status): \(words)")
            #expect(words.allSatisfy { $0.hasPrefix(status.symbol + " ") })
        }
    }
}
