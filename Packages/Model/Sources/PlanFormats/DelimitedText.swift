import Foundation

/// Reading and writing delimited text (CSV with `;` or `,`, TSV) as Excel writes it: fields in
/// double quotes may hold separators, doubled quotes and line breaks.
///
/// Written here rather than taken from a CSV library because the plan importer needs the
/// physical line on which every record starts, for error messages, and must refuse an
/// unterminated quote with its line instead of guessing.
public enum DelimitedText {
    /// One record with the line (from 1) on which it starts.
    public struct Record: Sendable, Hashable {
        public var line: Int
        public var fields: [String]
    }

    /// Splits `text` into records. A byte-order mark is ignored; `\r\n` and `\n` end records.
    public static func parse(_ text: String, separator: Character, fileName: String) throws(PlanFileError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var quoteStartLine = 0
        var line = 1
        var recordLine = 1
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if inQuotes {
                if character == "\"" {
                    if index + 1 < characters.count, characters[index + 1] == "\"" {
                        field.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character == "\r\n" ? "\n" : character)
                }
            } else if character == "\"" && field.isEmpty {
                inQuotes = true
                quoteStartLine = line
            } else if character == separator {
                fields.append(field)
                field = ""
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                fields.append(field)
                records.append(Record(line: recordLine, fields: fields))
                fields = []
                field = ""
                line += 1
                recordLine = line
            } else {
                field.append(character)
            }
            index += 1
        }
        if inQuotes {
            throw PlanFileError(file: fileName, line: quoteStartLine, message: "a quoted field that starts here is never closed")
        }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
        }
        return records
    }

    /// Writes records, quoting fields that need it, each record ended by `\n`.
    public static func write(_ records: [[String]], separator: Character) -> String {
        var output = ""
        for record in records {
            output += record.map { field in
                if field.contains(separator) || field.contains("\"") || field.contains("\n") || field.contains("\r")
                    || field.hasPrefix(" ") || field.hasSuffix(" ") {
                    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
                }
                return field
            }.joined(separator: String(separator))
            output += "\n"
        }
        return output
    }

    /// The separator of a file: the most frequent of `;`, tab and `,` on its first line.
    public static func guessSeparator(_ text: String) -> Character {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let counts: [(Character, Int)] = [(";", 0), ("\t", 0), (",", 0)].map { candidate in
            (candidate.0, firstLine.filter { $0 == candidate.0 }.count)
        }
        return counts.max { $0.1 < $1.1 }.map { $0.1 > 0 ? $0.0 : ";" } ?? ";"
    }
}
