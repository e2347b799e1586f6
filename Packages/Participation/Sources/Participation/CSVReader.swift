/// One record of a CSV text, with the line it starts on (from 1).
struct CSVRecord: Sendable, Hashable {
    var line: Int
    var fields: [String]
}

/// Reads CSV as RFC 4180 writes it: fields separated by the delimiter, quoted with `"` when they
/// hold the delimiter, a quote or a line break, a quote inside a quoted field doubled. Line breaks
/// may be LF or CRLF.
enum CSVReader {
    static func records(_ text: String, delimiter: Character) throws(SurveyImportErrors) -> [CSVRecord] {
        var records: [CSVRecord] = []
        var fields: [String] = []
        var field = ""
        var line = 1, recordLine = 1
        var inQuotes = false, wasQuoted = false
        var characters = text.makeIterator()
        var pending: Character? = nil
        func next() -> Character? {
            if let character = pending { pending = nil; return character }
            return characters.next()
        }
        while let character = next() {
            let isBreak = character == "\n" || character == "\r\n" || character == "\r"
            if inQuotes {
                if character == "\"" {
                    if let following = next() {
                        if following == "\"" { field.append("\"") } else { inQuotes = false; pending = following }
                    } else {
                        inQuotes = false
                    }
                } else {
                    if isBreak { line += 1 }
                    field.append(character)
                }
                continue
            }
            if character == "\"" {
                guard field.isEmpty, !wasQuoted else {
                    throw SurveyImportErrors(problems: [.init(line: line, column: fields.count + 1,
                                                              message: "a quote inside an unquoted field; quote the whole field")])
                }
                inQuotes = true
                wasQuoted = true
            } else if character == delimiter {
                fields.append(field)
                field = ""
                wasQuoted = false
            } else if isBreak {
                fields.append(field)
                records.append(CSVRecord(line: recordLine, fields: fields))
                fields = []
                field = ""
                wasQuoted = false
                line += 1
                recordLine = line
            } else {
                field.append(character)
            }
        }
        if inQuotes {
            throw SurveyImportErrors(problems: [.init(line: recordLine, column: fields.count + 1, message: "a quoted field is not closed")])
        }
        if !field.isEmpty || !fields.isEmpty || wasQuoted {
            fields.append(field)
            records.append(CSVRecord(line: recordLine, fields: fields))
        }
        return records
    }
}
