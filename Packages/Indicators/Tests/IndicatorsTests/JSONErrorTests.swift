import Foundation
import Indicators
import Model
import Testing

private func jsonStatError(_ text: String, mapping: JSONStatMapping = JSONStatMapping()) -> IndicatorParseError? {
    var parser = JSONStatParser(fileName: "stat.json", data: Data(text.utf8), mapping: mapping)
    do {
        _ = try parser.readAll()
        return nil
    } catch {
        return error as? IndicatorParseError
    }
}

/// A two-region, two-year dataset; `value` and `extra` replace parts of it.
private func dataset(value: String = "[1.5, null, 3, 4]", index: String = #"["KU049", "KU091"]"#,
                     size: String = "[2, 2]", extra: String = "") -> String {
    #"""
    {"class": "dataset", "id": ["Alue", "Vuosi"], "size": \#(size),
     "role": {"geo": ["Alue"], "time": ["Vuosi"]},
     "dimension": {
       "Alue": {"category": {"index": \#(index), "label": {"KU049": "Espoo", "KU091": "Helsinki"}}},
       "Vuosi": {"category": {"index": {"2020": 0, "2021": 1}}}
     }\#(extra),
     "value": \#(value)}
    """#
}

@Suite struct JSONErrorTests {
    @Test func jsonStatWithArrayIndexNullsAndStatus() throws {
        var parser = JSONStatParser(fileName: "stat.json", data: Data(dataset(extra: #", "status": {"1": ".."}"#).utf8),
                                    mapping: JSONStatMapping(fixedIndicator: "population"))
        let values = try parser.readAll()
        #expect(values == [
            IndicatorValue(indicator: "population", region: "KU049", period: ReportingPeriod(year: 2020), value: 1.5),
            IndicatorValue(indicator: "population", region: "KU049", period: ReportingPeriod(year: 2021), value: nil),
            IndicatorValue(indicator: "population", region: "KU091", period: ReportingPeriod(year: 2020), value: 3),
            IndicatorValue(indicator: "population", region: "KU091", period: ReportingPeriod(year: 2021), value: 4),
        ])
    }

    @Test func jsonStatObjectIndexAndSparseValues() throws {
        let text = dataset(value: #"{"0": 10, "3": 40}"#, index: #"{"KU091": 1, "KU049": 0}"#)
        var parser = JSONStatParser(fileName: "stat.json", data: Data(text.utf8), mapping: JSONStatMapping(fixedIndicator: "x"))
        let values = try parser.readAll()
        #expect(values.map(\.value) == [10, 40])
        #expect(values.map(\.region) == ["KU049", "KU091"])
        #expect(values.map(\.period.year) == [2020, 2021])
    }

    @Test func jsonStatValueLengthMismatch() {
        let error = jsonStatError(dataset(value: "[1, 2, 3]"), mapping: JSONStatMapping(fixedIndicator: "x"))
        #expect(error == IndicatorParseError(.sizeMismatch, fileName: "stat.json", line: 7, path: "$.value", field: "value",
                                             reason: "'value' has 3 entries but the product of 'size' is 4"))
        let tooMany = jsonStatError(dataset(value: "[1, 2, 3, 4, 5]"), mapping: JSONStatMapping(fixedIndicator: "x"))
        #expect(tooMany?.kind == .sizeMismatch)
        #expect(tooMany?.path == "$.value[4]")
    }

    @Test func jsonStatSizeAndCategoryMismatch() {
        let sizes = jsonStatError(dataset(size: "[2]"), mapping: JSONStatMapping(fixedIndicator: "x"))
        #expect(sizes?.kind == .sizeMismatch)
        #expect(sizes?.path == "$.size")
        let categories = jsonStatError(dataset(size: "[3, 2]"), mapping: JSONStatMapping(fixedIndicator: "x"))
        #expect(categories?.kind == .sizeMismatch)
        #expect(categories?.path == "$.dimension.Alue.category.index")
        let status = jsonStatError(dataset(extra: #", "status": ["..", ""]"#), mapping: JSONStatMapping(fixedIndicator: "x"))
        #expect(status?.path == "$.status")
        #expect(status?.kind == .sizeMismatch)
    }

    @Test func jsonStatNonNumericValueAndMalformedJSON() {
        let text = dataset(value: #"[1, "abc", 3, 4]"#)
        let error = jsonStatError(text, mapping: JSONStatMapping(fixedIndicator: "x"))
        #expect(error?.kind == .nonNumericValue)
        #expect(error?.path == "$.value[1]")
        let broken = jsonStatError(dataset(value: "[1, 2 3, 4]"), mapping: JSONStatMapping(fixedIndicator: "x"))
        #expect(broken?.kind == .malformedJSON)
        #expect(broken?.line == 7)
        #expect(broken?.path == "$.value")
        #expect(jsonStatError(dataset(), mapping: JSONStatMapping())?.field == "metric")
    }

    @Test func sotkanetRowErrorsCarryPathAndField() {
        let text = """
        [{"indicator": 171, "region": 46, "year": 2019, "gender": "total", "value": 7.4},
         {"indicator": 171, "region": 46, "year": 2019, "gender": "total", "value": "7,4"}]
        """
        var parser = SotkanetValueParser(fileName: "d.json", data: Data(text.utf8))
        #expect(throws: IndicatorParseError.self) { try parser.readAll() }
        var again = SotkanetValueParser(fileName: "d.json", data: Data(text.utf8))
        do {
            _ = try again.readAll()
        } catch let error as IndicatorParseError {
            #expect(error.kind == .nonNumericValue)
            #expect(error.path == "$[1].value")
            #expect(error.field == "value")
            #expect(error.line == 2)
            #expect(error.description == #"d.json: line 2, column 77, at $[1].value, field 'value': expected a number or null, found "7,4""#)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func sotkanetDuplicateAndUnknownRegion() throws {
        let row = #"{"indicator": 171, "region": 46, "year": 2019, "gender": "total", "value": 7.4}"#
        var parser = SotkanetValueParser(fileName: "d.json", data: Data("[\(row),\n\(row)]".utf8))
        #expect(throws: IndicatorParseError(.duplicateRow, fileName: "d.json", path: "$[1]",
                                            reason: "indicator 171, region 46, period 2019, gender total was already given at $[0]")) {
            try parser.readAll()
        }
        let table = IndicatorRegionTable([Region(id: "espoo", kind: .municipality, name: LocalizedText(fi: "Espoo"), sotkanetId: 20)])
        var unknown = SotkanetValueParser(fileName: "d.json", data: Data("[\(row)]".utf8), regions: table)
        #expect(throws: IndicatorParseError(.unknownRegion, fileName: "d.json", path: "$[0].region", field: "region",
                                            reason: "the Sotkanet region 46 is not in the region table")) {
            try unknown.readAll()
        }
    }

    @Test func regionAndMetadataErrors() {
        var regions = SotkanetRegionParser(fileName: "r.json", data: Data(#"[{"id": 1, "title": {"fi": "A"}}, {"code": "2"}]"#.utf8))
        #expect(throws: IndicatorParseError(.missingField, fileName: "r.json", line: 1, path: "$[1]", field: "id",
                                            reason: "a region needs an integer 'id'")) {
            try regions.readAll()
        }
        var metadata = SotkanetIndicatorMetadataParser(fileName: "m.json", data: Data(#"{"indicators": {"186": {"id": 186, "title": {"fi": "A"}}, "322": {"id": "x"}}}"#.utf8))
        do {
            _ = try metadata.readAll()
            Issue.record("expected an error")
        } catch {
            #expect(error.path == #"$.indicators["322"]"#)
            #expect(error.field == "id")
        }
        var truncated = SotkanetRegionParser(fileName: "r.json", data: Data("[{\"id\": 1,".utf8))
        do {
            _ = try truncated.readAll()
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .malformedJSON)
            #expect(error.path == "$[0]")
        }
    }
}

@Suite struct SotkanetErrorKindTests {
    private func error(_ text: String) -> IndicatorParseError? {
        var parser = SotkanetValueParser(fileName: "d.json", data: Data(text.utf8))
        do {
            _ = try parser.readAll()
            return nil
        } catch {
            return error as? IndicatorParseError
        }
    }

    @Test func kindsAndFieldsOfSotkanetErrors() {
        let year = error(#"[{"indicator": 171, "region": 46, "year": "20x1", "gender": "total"}]"#)
        #expect(year?.kind == .nonNumericValue)
        #expect(year?.field == "year")
        #expect(year?.path == "$[0].year")
        let missing = error(#"[{"indicator": 171, "region": 46, "gender": "total"}]"#)
        #expect(missing?.kind == .missingField)
        #expect(missing?.field == "year")
        #expect(missing?.path == "$[0]")
        let gender = error(#"[{"indicator": 171, "region": 46, "year": 2019, "gender": "all"}]"#)
        #expect(gender?.kind == .invalidValue)
        #expect(gender?.field == "gender")
        let syntax = error("[{\"indicator\": 171,\n ]")
        #expect(syntax?.kind == .malformedJSON)
        #expect(syntax?.line == 2)
    }
}

@Suite struct JSONLayoutTests {
    @Test func valuesBeforeTheDimensionsAreBufferedAndGiveTheSameValues() throws {
        let text = #"""
        {"value": [1, 2], "id": ["Alue", "Vuosi"], "size": [1, 2], "role": {"geo": ["Alue"], "time": ["Vuosi"]},
         "dimension": {"Alue": {"category": {"label": {"SSS": "KOKO MAA"}}}, "Vuosi": {"category": {"index": ["2020Q1", "2020Q2"]}}}}
        """#
        var parser = JSONStatParser(fileName: "s.json", data: Data(text.utf8), mapping: JSONStatMapping(fixedIndicator: "x"))
        let values = try parser.readAll()
        #expect(values == [
            IndicatorValue(indicator: "x", region: "SSS", period: ReportingPeriod(year: 2020, part: .quarter(1)), value: 1),
            IndicatorValue(indicator: "x", region: "SSS", period: ReportingPeriod(year: 2020, part: .quarter(2)), value: 2),
        ])
    }

    @Test func monthlyPeriodsAreUnsupportedWithThePath() {
        let text = #"{"id": ["A", "T"], "size": [1, 1], "dimension": {"A": {"category": {"index": ["SSS"]}}, "T": {"category": {"index": ["2024M12"]}}}, "value": [1]}"#
        var parser = JSONStatParser(fileName: "s.json", data: Data(text.utf8), mapping: JSONStatMapping(fixedIndicator: "x", region: "A", time: "T"))
        do {
            _ = try parser.readAll()
            Issue.record("expected an error")
        } catch let error as IndicatorParseError {
            #expect(error.kind == .unsupported)
            #expect(error.path == "$.dimension.T.category.index")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func metadataWrapperWithAnArrayOfIndicators() throws {
        let text = #"{"source": "x", "indicators": [{"id": 1, "title": {"fi": "A"}, "primaryValueType": {"code": "LKM"}}, {"id": 2, "title": {"en": "B"}}], "after": 1}"#
        var parser = SotkanetIndicatorMetadataParser(fileName: "m.json", data: Data(text.utf8))
        let definitions = try parser.readAll()
        #expect(definitions.map(\.id) == ["sotkanet-1", "sotkanet-2"])
        #expect(definitions[0].unit == .count)
        #expect(definitions[1].name.en == "B")
    }

    @Test func csvByteOrderMarkIsSkippedAndOtherBytesKept() throws {
        var withMark = IndicatorCSVParser(fileName: "v.csv", data: Data([0xEF, 0xBB, 0xBF] + Array("indicator;region;period;value\n7;k;2019;1\n".utf8)))
        #expect(try withMark.readAll().count == 1)
        // U+FF03 starts with 0xEF too (EF BC 83): it must reach the header intact.
        var other = IndicatorCSVParser(fileName: "v.csv", data: Data(Array("\u{FF03}indicator;region;period;value\n7;k;2019;1\n".utf8)))
        #expect(throws: IndicatorParseError(.missingField, fileName: "v.csv", line: 1, field: "indicator",
                                            reason: "the header has no column 'indicator'; it has \u{FF03}indicator, region, period, value")) {
            try other.readAll()
        }
    }
}
