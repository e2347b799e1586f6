import Indicators
import Model
import Testing

private func series(_ values: [Double?], from year: Int = 2015) -> [(period: ReportingPeriod, value: Double?)] {
    values.enumerated().map { (ReportingPeriod(year: year + $0.offset), $0.element) }
}

@Suite struct ComparisonTests {
    @Test func differenceRelativeDifferenceAndColourFollowDirection() {
        let unemployment = IndicatorComparison(value: 19, reference: 12.3, direction: .lowerIsBetter)
        #expect(abs(unemployment.difference - 6.7) < 1e-9)
        #expect(abs(unemployment.relativeDifference! - 6.7 / 12.3) < 1e-12)
        #expect(unemployment.colour == .worrying)
        #expect(IndicatorComparison(value: 19, reference: 12.3, direction: .higherIsBetter).colour == .good)
        #expect(IndicatorComparison(value: 19, reference: 12.3, direction: .neutral).colour == .neutral)
        #expect(IndicatorComparison(value: 92, reference: 90.7, direction: .higherIsBetter).colour == .neutral)
    }

    @Test func thresholdIsInclusiveAndConfigurable() {
        #expect(IndicatorComparison(value: 11, reference: 10, direction: .higherIsBetter).colour == .good)
        #expect(IndicatorComparison(value: 10.9, reference: 10, direction: .higherIsBetter).colour == .neutral)
        let strict = IndicatorComparisonRule(relativeThreshold: 0.05, absoluteThreshold: 2)
        #expect(IndicatorComparison(value: 10.6, reference: 10, direction: .higherIsBetter, rule: strict).colour == .neutral)
        #expect(IndicatorComparison(value: 44, reference: 41.6, direction: .higherIsBetter, rule: strict).colour == .good)
        let zero = IndicatorComparison(value: 1, reference: 0, direction: .lowerIsBetter)
        #expect(zero.relativeDifference == nil)
        #expect(zero.colour == .neutral)
        #expect(IndicatorComparison(value: 1, reference: 0, direction: .lowerIsBetter, rule: .init(absoluteThreshold: 0.5)).colour == .worrying)
    }

    @Test func anIndicatorsOwnRuleWins() {
        let indicator = IndicatorDefinition(id: "x", name: LocalizedText(fi: "x"), source: "s", unit: .percent, direction: .lowerIsBetter,
                                            comparisonRule: IndicatorComparisonRule(relativeThreshold: 0.5))
        #expect(IndicatorComparison(value: 19, reference: 12.3, indicator: indicator).colour == .worrying)
        #expect(IndicatorComparison(value: 17, reference: 12.3, indicator: indicator).colour == .neutral)
    }
}

@Suite struct TrendTests {
    @Test func risingSeriesImprovesWhenHigherIsBetterAndWorsensOtherwise() throws {
        let rising = series([50, 52, 54, 56, 58])
        let up = try #require(IndicatorTrend(series: rising, direction: .higherIsBetter))
        #expect(up.assessment == .improving)
        #expect(up.movement == .rising)
        #expect(abs(up.slopePerYear - 2) < 1e-9)
        #expect(abs(up.relativeSlope! - 2.0 / 54) < 1e-9)
        #expect(up.lastedPeriods == 4)
        #expect(IndicatorTrend(series: rising, direction: .lowerIsBetter)?.assessment == .worsening)
        #expect(IndicatorTrend(series: rising, direction: .neutral)?.assessment == .stable)
    }

    @Test func fallingLowerIsBetterImprovesAndCountsHowLongItLasted() throws {
        // Up, then three years down: the last five points fall overall; three steps fall.
        let values: [Double?] = [20, 24, 22, 20, 18, 16]
        let trend = try #require(IndicatorTrend(series: series(values), direction: .lowerIsBetter))
        #expect(trend.assessment == .improving)
        #expect(trend.movement == .falling)
        #expect(trend.points == 5)
        #expect(trend.lastedPeriods == 4)
    }

    @Test func flatSeriesIsStableAndSmallWigglesStayWithinTheThreshold() throws {
        let flat = try #require(IndicatorTrend(series: series([10, 10, 10, 10]), direction: .higherIsBetter))
        #expect(flat.assessment == .stable)
        #expect(flat.movement == .flat)
        #expect(flat.slopePerYear == 0)
        #expect(flat.lastedPeriods == 3)
        let wiggle = try #require(IndicatorTrend(series: series([80, 80.5, 79.8, 80.2, 80.1]), direction: .higherIsBetter))
        #expect(wiggle.assessment == .stable)
    }

    @Test func missingValuesAreLeftOutAndTooShortSeriesHaveNoTrend() {
        #expect(IndicatorTrend(series: series([5, nil, nil]), direction: .higherIsBetter) == nil)
        let gaps = IndicatorTrend(series: series([10, nil, 14]), direction: .higherIsBetter)
        #expect(gaps?.slopePerYear == 2)
        #expect(gaps?.lastedPeriods == 1)
    }
}

@Suite struct TargetAttainmentTests {
    let baseline = YearValue(year: 2018, value: 93)
    let target = YearValue(year: 2021, value: 96)

    @Test func progressAndLinearExpectation() {
        let onTrack = TargetAttainment(baseline: baseline, target: target, current: YearValue(year: 2019, value: 94.5), direction: .higherIsBetter)
        #expect(onTrack.progressPercent == 50)
        #expect(onTrack.expectedValue == 94)
        #expect(onTrack.status == .onTrack)
        let behind = TargetAttainment(baseline: baseline, target: target, current: YearValue(year: 2020, value: 94), direction: .higherIsBetter)
        #expect(abs(behind.progressPercent! - 100.0 / 3) < 1e-9)
        #expect(behind.expectedValue == 95)
        #expect(behind.status == .offTrack)
        #expect(!behind.movingWrongWay)
    }

    @Test func reachedOvershootAndWrongWay() {
        let reached = TargetAttainment(baseline: baseline, target: target, current: YearValue(year: 2019, value: 96), direction: .higherIsBetter)
        #expect(reached.status == .reached)
        #expect(reached.progressPercent == 100)
        #expect(!reached.overshoot)
        let over = TargetAttainment(baseline: baseline, target: target, current: YearValue(year: 2022, value: 97.5), direction: .higherIsBetter)
        #expect(over.status == .reached)
        #expect(over.overshoot)
        #expect(over.progressPercent == 150)
        #expect(over.expectedValue == 96)
        let wrong = TargetAttainment(baseline: baseline, target: target, current: YearValue(year: 2019, value: 91.5), direction: .higherIsBetter)
        #expect(wrong.movingWrongWay)
        #expect(wrong.progressPercent == -50)
        #expect(wrong.status == .offTrack)
    }

    @Test func lowerIsBetterAndDirectionFromTheTarget() {
        // Processing time from 60 days (2020) to 30 days (2023).
        let days = (YearValue(year: 2020, value: 60), YearValue(year: 2023, value: 30))
        let good = TargetAttainment(baseline: days.0, target: days.1, current: YearValue(year: 2021, value: 45), direction: .lowerIsBetter)
        #expect(good.progressPercent == 50)
        #expect(good.expectedValue == 50)
        #expect(good.status == .onTrack)
        let inferred = TargetAttainment(baseline: days.0, target: days.1, current: YearValue(year: 2021, value: 55), direction: nil)
        #expect(inferred.status == .offTrack)
        let worse = TargetAttainment(baseline: days.0, target: days.1, current: YearValue(year: 2022, value: 70), direction: .lowerIsBetter)
        #expect(worse.movingWrongWay)
    }

    @Test func baselineEqualToTargetMeansKeepTheLevel() {
        let keep = YearValue(year: 2020, value: 50)
        let held = TargetAttainment(baseline: keep, target: YearValue(year: 2024, value: 50), current: YearValue(year: 2022, value: 50),
                                    direction: .higherIsBetter)
        #expect(held.progressPercent == nil)
        #expect(held.status == .reached)
        let slipped = TargetAttainment(baseline: keep, target: YearValue(year: 2024, value: 50), current: YearValue(year: 2022, value: 49),
                                       direction: .higherIsBetter)
        #expect(slipped.status == .offTrack)
        #expect(slipped.movingWrongWay)
    }

    @Test func fromAMeasure() {
        let measure = Measure(id: "m1", kind: .value, title: LocalizedText(fi: "Rokotekattavuus"), unit: "%",
                              baseline: baseline, target: target, direction: .higherIsBetter)
        #expect(TargetAttainment(measure: measure, current: YearValue(year: 2019, value: 94.5))?.status == .onTrack)
        #expect(TargetAttainment(measure: Measure(id: "m2", kind: .text, title: LocalizedText(fi: "x")),
                                 current: YearValue(year: 2019, value: 1)) == nil)
    }
}

@Suite struct DevelopmentTests {
    let loneliness = IndicatorDefinition(id: "11", name: LocalizedText(fi: "Tuntee itsensä yksinäiseksi", sv: "Känner sig ensam", en: "Feels lonely"),
                                         source: "Kouluterveyskysely", unit: .percent, decimals: 1, direction: .lowerIsBetter)
    let satisfied = IndicatorDefinition(id: "7", name: LocalizedText(fi: "Tyytyväinen elämäänsä", sv: "Nöjd med sitt liv", en: "Satisfied with life"),
                                        source: "Kouluterveyskysely", unit: .percent, direction: .higherIsBetter)
    let births = IndicatorDefinition(id: "2", name: LocalizedText(fi: "Synnyttäneisyys"), source: "Tilastokeskus", unit: .perThousand,
                                     direction: .neutral)

    func values() -> [IndicatorValue] {
        func v(_ indicator: String, _ year: Int, _ value: Double, _ group: IndicatorPopulationGroup? = nil) -> IndicatorValue {
            IndicatorValue(indicator: indicator, region: "k", period: ReportingPeriod(year: year), group: group, value: value)
        }
        return [v("11", 2019, 10, .grades8to9), v("11", 2021, 12.5, .grades8to9), v("11", 2019, 4, .grades4to5), v("11", 2021, 3, .grades4to5),
                v("7", 2019, 76, .grades8to9), v("7", 2021, 80, .grades8to9), v("7", 2019, 88, .upperSecondary), v("7", 2021, 88.5, .upperSecondary),
                v("2", 2019, 37), v("2", 2021, 30)]
    }

    @Test func mostImprovedAndMostWorsenedWithSentences() throws {
        let series = IndicatorSeries.grouping(values())
        #expect(series.count == 5)
        let result = IndicatorDevelopment.developments(series: series, definitions: [loneliness, satisfied, births],
                                                       into: ReportingPeriod(year: 2021))
        // Loneliness of 4–5 graders 4 → 3 (25 % better), life satisfaction 76 → 80 (5,3 % better);
        // 88 → 88,5 is below the 2 % threshold; births are neutral.
        #expect(result.positive.map { $0.indicator.id + ($0.group.map { "/" + $0.id } ?? "") } == ["11/grades-4-5", "7/grades-8-9"])
        #expect(result.negative.count == 1)
        let worse = try #require(result.negative.first)
        #expect(abs(worse.improvement + 0.25) < 1e-9)
        #expect(worse.sentence(.fi) == "Tuntee itsensä yksinäiseksi (8.–9. luokkalaiset): heikkeni, 10,0 % → 12,5 % (2019–2021).")
        #expect(worse.sentence(.sv) == "Känner sig ensam (elever i årskurs 8–9): försämrades, 10,0 % → 12,5 % (2019–2021).")
        #expect(worse.sentence(.en) == "Feels lonely (pupils in grades 8–9): worsened, 10.0 % → 12.5 % (2019–2021).")
        #expect(result.positive[1].sentence(.fi) == "Tyytyväinen elämäänsä (8.–9. luokkalaiset): parani, 76 % → 80 % (2019–2021).")
    }

    @Test func onlyLinkedIndicatorsWhenAskedAndNumbersFormatted() {
        let result = IndicatorDevelopment.developments(series: IndicatorSeries.grouping(values()), definitions: [loneliness, satisfied],
                                                       into: ReportingPeriod(year: 2021), linked: ["7"])
        #expect(result.positive.map(\.indicator.id) == ["7"])
        #expect(result.negative.isEmpty)
        #expect(IndicatorFormat.value(3514, unit: .count, decimals: 0, language: .fi) == "3514")
        #expect(IndicatorFormat.value(12345.6, unit: .count, decimals: 1, language: .fi) == "12\u{00A0}345,6")
        #expect(IndicatorFormat.value(58443598209, unit: .euro, decimals: 0, language: .en) == "58,443,598,209 €")
        #expect(IndicatorFormat.value(-16.3, unit: .percent, decimals: 1, language: .sv) == "−16,3 %")
    }
}
