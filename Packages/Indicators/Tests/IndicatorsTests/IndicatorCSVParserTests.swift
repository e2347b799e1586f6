import Foundation
import Indicators
import Model
import Testing

private func values(_ text: String, dialect: IndicatorCSVDialect = .hyte,
                    options: IndicatorParseOptions = IndicatorParseOptions()) throws -> [IndicatorValue] {
    var parser = IndicatorCSVParser(fileName: "values.csv", data: Data(text.utf8), dialect: dialect)
    return try parser.readAll(options: options)
}

private func failure(_ text: String, dialect: IndicatorCSVDialect = .hyte,
                     options: IndicatorParseOptions = IndicatorParseOptions()) -> IndicatorParseError? {
    do {
        _ = try values(text, dialect: dialect, options: options)
        return nil
    } catch let error as IndicatorParseError {
        return error
    } catch {
        return nil
    }
}

@Suite struct IndicatorCSVParserTests {
    @Test func readsOurFormatWithSemicolonsAndDecimalComma() throws {
        let text = """
        indicator;region;period;gender;group;value;count
        28;kymenlaakso;2019;total;grades-4-5;19;
        28;whole-country;2019;;grades-4-5;17,1;
        16.1;kymenlaakso;2019;total;;;3514
        """
        let read = try values(text)
        #expect(read == [
            IndicatorValue(indicator: "28", region: "kymenlaakso", period: ReportingPeriod(year: 2019), group: .grades4to5, value: 19),
            IndicatorValue(indicator: "28", region: "whole-country", period: ReportingPeriod(year: 2019), group: .grades4to5, value: 17.1),
            IndicatorValue(indicator: "16.1", region: "kymenlaakso", period: ReportingPeriod(year: 2019), value: nil, count: 3514),
        ])
    }

    @Test func readsCommasWithQuotedDecimalCommaAndCRLF() throws {
        let text = "Indicator,Region,Period,Value,Numerator,Denominator\r\n7,kymenlaakso,2021H1,\"88,5\",177,200\r\n"
        let read = try values(text)
        #expect(read == [IndicatorValue(indicator: "7", region: "kymenlaakso", period: ReportingPeriod(year: 2021, part: .half(1)),
                                        value: 88.5, numerator: 177, denominator: 200)])
    }

    @Test func readsSotkanetCSVRows() throws {
        let text = "indicator;region;year;gender;value;absValue\n171;46;2019;total;7,4;48189\n171;46;2019;female;;\n"
        let read = try values(text, dialect: .sotkanet)
        #expect(read == [
            IndicatorValue(indicator: "171", region: "46", period: ReportingPeriod(year: 2019), value: 7.4, count: 48189),
            IndicatorValue(indicator: "171", region: "46", period: ReportingPeriod(year: 2019), gender: .female, value: nil),
        ])
    }

    @Test func sotkanetCSVRegionsMapThroughTheTable() throws {
        let table = IndicatorRegionTable([Region(id: "helsinki", kind: .municipality, name: LocalizedText(fi: "Helsinki"), sotkanetId: 46)])
        var parser = IndicatorCSVParser(fileName: "s.csv", data: Data("indicator;region;year;gender;value\n171;46;2019;total;7.4\n171;20;2019;total;1\n".utf8),
                                        dialect: .sotkanet, regions: table)
        #expect(try parser.nextValue()?.value.region == "helsinki")
        #expect(throws: IndicatorParseError(.unknownRegion, fileName: "s.csv", line: 3, field: "region",
                                            reason: "the Sotkanet region '20' is not in the region table")) {
            try parser.nextValue()
        }
    }

    @Test func nonNumericValueNamesLineAndField() {
        let error = failure("indicator;region;period;value\n7;k;2019;88\n7;k;2020;12,x\n")
        #expect(error == IndicatorParseError(.nonNumericValue, fileName: "values.csv", line: 3, field: "value", reason: "'12,x' is not a number"))
        #expect(error?.description == "values.csv: line 3, field 'value': '12,x' is not a number")
    }

    @Test func duplicateRowNamesBothLines() {
        let error = failure("indicator;region;period;group;value\n7;k;2019;grades-4-5;88\n7;k;2019;grades-8-9;76\n7;k;2019;grades-4-5;87\n")
        #expect(error?.kind == .duplicateRow)
        #expect(error?.line == 4)
        #expect(error?.reason.contains("already given at line 2") == true)
    }

    @Test func unknownRegionWhenATableIsGiven() throws {
        let table = IndicatorRegionTable([Region(id: "kymenlaakso", kind: .region, name: LocalizedText(fi: "Kymenlaakso"), code: "08")])
        let text = "indicator;region;period;value\n7;08;2019;88\n7;09;2019;76\n"
        #expect(try values("indicator;region;period;value\n7;08;2019;88\n", options: IndicatorParseOptions(regions: table))
            .first?.region == "kymenlaakso")
        let error = failure(text, options: IndicatorParseOptions(regions: table))
        #expect(error == IndicatorParseError(.unknownRegion, fileName: "values.csv", line: 3, field: "region",
                                             reason: "the region '09' is not in the region table"))
    }

    @Test func wrongFieldCountMissingColumnBadPeriodAndOpenQuote() {
        #expect(failure("indicator;region;period;value\n7;k;2019\n")?.kind == .malformedCSV)
        #expect(failure("indicator;region;period;value\n7;k;2019\n")?.line == 2)
        #expect(failure("indicator;region;value\n7;k;1\n") == IndicatorParseError(
            .missingField, fileName: "values.csv", line: 1, field: "period",
            reason: "the header has no column 'period'; it has indicator, region, value"))
        let period = failure("indicator;region;period;value\n7;k;2019M12;1\n")
        #expect(period?.kind == .invalidValue)
        #expect(period?.field == "period")
        #expect(period?.line == 2)
        let quote = failure("indicator;region;period;value\n7;k;2019;\"1\n")
        #expect(quote?.kind == .malformedCSV)
        #expect(quote?.line == 2)
        #expect(failure("")?.kind == .missingField)
        #expect(failure("indicator;region;period;value\n7;k;2019;1\n7;k;2020;1\n7;k;2021;1;\n")?.line == 4)
        let gender = failure("indicator;region;period;gender;value\n7;k;2019;women;1\n")
        #expect(gender?.field == "gender")
    }
}
