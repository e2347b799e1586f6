import Foundation
import Model
import Testing

@Suite struct ReportingPeriodTests {
    @Test(arguments: [("2021", "2021", 1...12), ("2021H1", "2021H1", 1...6), ("2021h2", "2021H2", 7...12),
                      ("2023Q3", "2023Q3", 7...9), (" 2022Q1 ", "2022Q1", 1...3)])
    func parsesYearsHalvesAndQuarters(text: String, canonical: String, months: ClosedRange<Int>) throws {
        let period = try ReportingPeriod(parsing: text)
        #expect(period.description == canonical)
        #expect(period.months == months)
    }

    @Test(arguments: ["2021H3", "2021Q5", "21H1", "2021-H1", "H1 2021", "", "20x1"])
    func refusesWhatIsNotAPeriodAndSaysWhy(text: String) {
        #expect(throws: PeriodError.self) { try ReportingPeriod(parsing: text) }
        do {
            _ = try ReportingPeriod(parsing: text)
        } catch {
            #expect(error.description.contains("'\(text)'"))
        }
    }

    @Test func ordersByYearThenMonth() throws {
        let periods = try ["2022", "2021Q3", "2021H2", "2021", "2021H1", "2021Q1"].map { try ReportingPeriod(parsing: $0) }
        #expect(periods.sorted().map(\.description) == ["2021Q1", "2021H1", "2021", "2021Q3", "2021H2", "2022"])
    }

    @Test func decodesFromAndEncodesToItsText() throws {
        let period = try JSONDecoder().decode([ReportingPeriod].self, from: Data(#"["2021H1"]"#.utf8))
        #expect(period == [ReportingPeriod(year: 2021, part: .half(1))])
        #expect(String(decoding: try JSONEncoder().encode(period), as: UTF8.self) == #"["2021H1"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([ReportingPeriod].self, from: Data(#"["2021H3"]"#.utf8)) }
    }
}

@Suite struct ScheduleTests {
    @Test func readsSchedulesAsThePlansWriteThem() {
        let from2020 = Schedule(parsing: "2020 alkaen")
        #expect(from2020.startYear == 2020)
        #expect(from2020.endYear == nil)
        #expect(from2020.continuous)

        let staged = Schedule(parsing: "Selvitys 2021, käyttöönotto 2022–2023")
        #expect(staged.startYear == 2021)
        #expect(staged.endYear == 2023)
        #expect(!staged.continuous)

        let continuous = Schedule(parsing: "Jatkuva")
        #expect(continuous.continuous)
        #expect(continuous.startYear == nil)

        let trial = Schedule(parsing: "Lyhyt kokeilu / pysyvä toiminta")
        #expect(trial.mode == .trialThenPermanent)
        #expect(Schedule(parsing: "Kokeilu syksyllä 2021").mode == .trial)
        #expect(Schedule(parsing: "2021").startYear == 2021)
        #expect(Schedule(parsing: "2021").endYear == 2021)
    }

    @Test func keepsTheTextAsWritten() {
        #expect(Schedule(parsing: "Syksy 2022").text == "Syksy 2022")
        #expect(Schedule(parsing: "tarpeen mukaan").startYear == nil)
    }

    @Test func explicitFieldsInAFileWinOverTheText() throws {
        let json = #"{"text": "2020 alkaen", "endYear": 2024, "continuous": false}"#
        let schedule = try JSONDecoder().decode(Schedule.self, from: Data(json.utf8))
        #expect(schedule.startYear == 2020)
        #expect(schedule.endYear == 2024)
        #expect(!schedule.continuous)
    }
}
