import Foundation
import Indicators
import Model
import Testing

/// Reads every row of `content`, or returns the error.
private func parse(_ content: String, fileName: String = "data.json") -> Result<[SotkanetRow], SotkanetParseError> {
    var parser = SotkanetJSONParser(fileName: fileName, content: content)
    var rows: [SotkanetRow] = []
    do {
        while let row = try parser.next() { rows.append(row) }
        return .success(rows)
    } catch {
        return .failure(error)
    }
}

private func parseError(_ content: String, fileName: String = "data.json") throws -> SotkanetParseError {
    guard case .failure(let error) = parse(content, fileName: fileName) else {
        Issue.record("expected \(content) to be refused")
        throw CancellationError()
    }
    return error
}

/// A row as Sotkanet writes it, with one field replaced by raw JSON text.
private func row(year: String = "2019", gender: String = "\"total\"", value: String = "7.4") -> String {
    #"{"indicator": 171, "region": 46, "year": \#(year), "gender": \#(gender), "value": \#(value), "absValue": 48189}"#
}

@Suite struct SotkanetJSONParserTests {
    @Test func readsEveryRowOfTheRealFileInOrder() throws {
        var parser = SotkanetJSONParser(fileName: "sotkanet_data_171_2019_2023.json", content: try FixtureFile.sotkanet171())
        var rows: [SotkanetRow] = []
        while let row = try parser.next() { rows.append(row) }
        #expect(rows.count == 10)
        #expect(rows.first == SotkanetRow(indicator: 171, region: 46, year: 2019, gender: .total, value: 7.4, absValue: 48189))
        #expect(rows.last == SotkanetRow(indicator: 171, region: 378, year: 2023, gender: .total, value: 9.4, absValue: 23990))
        #expect(rows.contains(SotkanetRow(indicator: 171, region: 389, year: 2023, gender: .total, value: 10.5, absValue: 21174)))
        #expect(try parser.next() == nil)
    }

    @Test func readsTheSameRowsFromData() throws {
        let text = try FixtureFile.sotkanet171()
        var fromText = SotkanetJSONParser(fileName: "a.json", content: text)
        var fromData = SotkanetJSONParser(fileName: "a.json", data: Data(text.utf8))
        while let row = try fromText.next() {
            #expect(try fromData.next() == row)
        }
        #expect(try fromData.next() == nil)
    }

    @Test func emptyArrayHasNoRows() throws {
        #expect(try parse(" [ ] \n").get() == [])
    }

    @Test func missingAndNullValuesAreNil() throws {
        let rows = try parse(#"""
        [{"indicator": 1, "region": 2, "year": 2020, "gender": "female", "value": null},
         {"indicator": 1, "region": 3, "year": 2020, "gender": "male"}]
        """#).get()
        #expect(rows == [
            SotkanetRow(indicator: 1, region: 2, year: 2020, gender: .female, value: nil, absValue: nil),
            SotkanetRow(indicator: 1, region: 3, year: 2020, gender: .male, value: nil, absValue: nil),
        ])
    }

    @Test func skipsUnknownFieldsOfAnyShape() throws {
        let rows = try parse(#"""
        [{"extra": {"a": [1, {"b": "x]}"}, []], "c": {}}, "indicator": 5, "region": 6, "year": 2021,
          "gender": "total", "value": -1.5e1, "absValue": 0, "note": "a \"quoted\" \u00e4 \ud83d\ude00"}]
        """#).get()
        #expect(rows == [SotkanetRow(indicator: 5, region: 6, year: 2021, gender: .total, value: -15, absValue: 0)])
    }

    @Test func skipsAByteOrderMark() throws {
        #expect(try parse("\u{FEFF}[]").get() == [])
    }

    @Test func namesFileRowAndFieldOfAWrongYear() throws {
        let content = "[\n" + [row(), row(), row(), row(year: "\"20x1\"")].joined(separator: ",\n") + "\n]"
        let error = try parseError(content)
        #expect(error.description == #"data.json: $[3].year: expected an integer, found "20x1""#)
        #expect(error.path == "$[3].year")
        #expect(error.line == 5)
        #expect(error.column == 42)
        #expect(!error.isSyntaxError)
    }

    @Test func refusesAFractionalYear() throws {
        let error = try parseError("[" + row(year: "2019.5") + "]")
        #expect(error.description == "data.json: $[0].year: expected an integer, found 2019.5")
    }

    @Test func refusesAnUnknownGender() throws {
        let error = try parseError("[" + row(gender: "\"both\"") + "]")
        #expect(error.description == #"data.json: $[0].gender: expected one of "total", "male", "female", found "both""#)
    }

    @Test func refusesAValueThatIsText() throws {
        let error = try parseError("[" + row(value: "\"7,4\"") + "]")
        #expect(error.description == #"data.json: $[0].value: expected a number or null, found "7,4""#)
    }

    @Test func refusesANumberOutOfRange() throws {
        #expect(try parseError("[" + row(value: "1e999") + "]").description
            == "data.json: $[0].value: expected a number, found 1e999, which is out of range")
        #expect(try parseError("[" + row(year: "99999999999999999999") + "]").description
            == "data.json: $[0].year: expected an integer, found 99999999999999999999, which is out of range")
    }

    @Test func namesAMissingRequiredField() throws {
        let error = try parseError(#"[{"indicator": 1, "region": 2, "gender": "total"}]"#)
        #expect(error.description == "data.json: $[0]: the required field 'year' is missing")
    }

    @Test func refusesAFieldGivenTwice() throws {
        let error = try parseError(#"[{"indicator": 1, "indicator": 2}]"#)
        #expect(error.description == "data.json: $[0].indicator: the field appears more than once in the row")
    }

    @Test func refusesARowThatIsNotAnObject() throws {
        let error = try parseError("[" + row() + ", 5]")
        #expect(error.description == "data.json: $[1]: expected a row object, found 5")
    }

    @Test func refusesATopLevelObject() throws {
        let error = try parseError(#"{"rows": []}"#)
        #expect(error.description == "data.json: $: expected an array of rows, found an object")
    }

    @Test func givesLineAndColumnOfASyntaxError() throws {
        let content = "[\n" + row() + ",\n" + #"{"indicator": 1 "region": 2}"# + "\n]"
        let error = try parseError(content)
        #expect(error.isSyntaxError)
        #expect(error.description == "data.json: line 3, column 17, at $[1]: expected ',' or '}' after a field, found '\"'")
    }

    @Test func refusesATrailingComma() throws {
        let error = try parseError("[" + row() + ",\n]")
        #expect(error.description == "data.json: line 2, column 1, at $[1]: expected a value, found ']'")
    }

    @Test func refusesAnUnterminatedFile() throws {
        let error = try parseError("[" + row())
        #expect(error.description == "data.json: line 1, column 100, at $[0]: expected ',' or ']' after a row, found the end of the file")
        #expect(try parseError("").description == "data.json: line 1, column 1, at $: the file is empty; expected a JSON array of rows")
        let unterminatedString = try parseError(#"[{"indicator": "abc"#)
        #expect(unterminatedString.description == "data.json: line 1, column 20, at $[0].indicator: unexpected end of file inside a string")
    }

    @Test func refusesContentAfterTheArray() throws {
        let error = try parseError("[]\n[]")
        #expect(error.description == "data.json: line 2, column 1, at $: unexpected '[' after the end of the array")
    }

    @Test func refusesAnUnknownWord() throws {
        let error = try parseError("[" + row(value: "nul") + "]")
        #expect(error.isSyntaxError)
        #expect(error.path == "$[0].value")
        #expect(error.reason == "expected a value, found an unknown word (did you mean null?)")
    }

    @Test func keepsFailingAfterAnError() throws {
        var parser = SotkanetJSONParser(fileName: "x.json", content: "[" + row(year: "true") + "]")
        #expect(throws: SotkanetParseError.self) { try parser.next() }
        let again = #expect(throws: SotkanetParseError.self) { try parser.next() }
        #expect(again?.description == "x.json: $[0].year: expected an integer, found true")
    }

    @Test func neverTrapsOnGarbage() {
        let inputs = ["[", "]", "[{", "[{\"", "[{\"a\":", "[{\"a\":[", "[1e", "[-", "[0123]", "[\"\\x\"]",
                      "[\"\\ud800\"]", "[\"a\u{01}\"]", "\u{EF}", "[{\"indicator\":1,}]", String(repeating: "[", count: 100_000),
                      "[{\"x\":" + String(repeating: "[", count: 100_000) + "]}]", "[" + String(repeating: "9", count: 10_000) + "]"]
        for input in inputs {
            guard case .failure(let error) = parse(input) else {
                Issue.record("\(input.prefix(20)) was accepted")
                continue
            }
            #expect(error.description.hasPrefix("data.json: "))
        }
    }

    @Test func refusesBytesThatAreNotText() throws {
        var notABOM = SotkanetJSONParser(fileName: "raw.bin", data: Data([0xEF, 0x5B, 0x5D]))
        let error = #expect(throws: SotkanetParseError.self) { try notABOM.next() }
        #expect(error?.description == "raw.bin: line 1, column 1, at $: expected a value, found a non-ASCII character")
        // Invalid UTF-8 inside a string is repaired, never trapped on.
        var invalidUTF8 = SotkanetJSONParser(fileName: "raw.bin", data: Data("[{\"gender\": \"".utf8) + Data([0xFF, 0xFE]) + Data("\"}]".utf8))
        let second = #expect(throws: SotkanetParseError.self) { try invalidUTF8.next() }
        #expect(second?.path == "$[0].gender")
        #expect(second?.reason == "expected one of \"total\", \"male\", \"female\", found \"\u{FFFD}\u{FFFD}\"")
    }
}
