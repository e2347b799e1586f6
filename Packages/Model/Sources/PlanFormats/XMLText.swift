/// Text inside XML documents: the spreadsheet parts of XLSX files and the XHTML and SVG of reports.
public enum XMLText {
    /// `text` escaped for element content and attribute values (`&`, `<`, `>`, `"`), without the
    /// characters XML 1.0 does not allow.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}
