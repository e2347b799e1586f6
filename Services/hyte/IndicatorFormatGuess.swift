import Foundation
import Model

/// Guesses an indicator file's format from its name and its first bytes.
enum IndicatorFormatGuess {
    /// The guess from the first bytes of the file (a few KiB suffice; a cut UTF-8 sequence at
    /// the end is harmless).
    static func guess(fileName: String, head: Data) -> IndicatorContracts.Format? {
        guess(fileName: fileName, content: String(decoding: head, as: UTF8.self))
    }

    static func guess(fileName: String, content: String) -> IndicatorContracts.Format? {
        let head = String(content.prefix(4096))
        let lower = fileName.lowercased()
        if lower.hasSuffix(".csv") || lower.hasSuffix(".txt") {
            let firstLine = head.split(whereSeparator: \.isNewline).first.map(String.init)?.lowercased() ?? ""
            if firstLine.hasPrefix("nimi,uusi_id") { return .sotkanetWelfareCounties }
            if firstLine.hasPrefix("indicator;region;year") || firstLine.hasPrefix("indicator,region,year") { return .sotkanetCSV }
            return .hyteCSV
        }
        let trimmed = head.drop { $0.isWhitespace }
        guard let first = trimmed.first, first == "[" || first == "{" else { return nil }
        if head.contains("\"class\"") && head.contains("\"dataset\"") { return .jsonStat }
        if head.contains("\"referenceRegion\"") || (head.contains("\"indicators\"") && head.contains("\"direction\"")) {
            return .catalogue
        }
        if content.contains("\"primaryValueType\"") { return .sotkanetMetadata }
        if head.contains("\"indicator\"") && head.contains("\"year\"") { return .sotkanetJSON }
        if head.contains("\"category\"") && head.contains("\"title\"") { return .sotkanetRegions }
        return nil
    }
}
