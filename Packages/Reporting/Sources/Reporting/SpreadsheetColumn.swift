import Model

/// Spreadsheet column letters.
enum SpreadsheetColumn {
    /// `A` for 0, `Z` for 25, `AA` for 26.
    static func name(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }
}
