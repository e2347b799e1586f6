import Foundation
import Model

/// A catalogue of indicators with the regions its values use, as in
/// `examples/indicators/kymenlaakso-2020-indicators.json`.
public struct IndicatorCatalogue: Codable, Sendable, Hashable {
    /// What the catalogue is.
    public var title: LocalizedText
    /// Where its content comes from.
    public var source: String?
    /// The id of the region that values are compared with (usually the whole country).
    public var referenceRegion: String?
    /// The regions the values use.
    public var regions: [Region]
    /// The indicators, including parts (`partOf`).
    public var indicators: [IndicatorDefinition]

    /// A catalogue.
    public init(title: LocalizedText, source: String? = nil, referenceRegion: String? = nil, regions: [Region] = [],
                indicators: [IndicatorDefinition]) {
        self.title = title
        self.source = source
        self.referenceRegion = referenceRegion
        self.regions = regions
        self.indicators = indicators
    }

    /// The indicator with `id`.
    public func indicator(_ id: String) -> IndicatorDefinition? {
        indicators.first { $0.id == id }
    }

    /// Decodes a catalogue from JSON; the error names the JSON path of what was wrong.
    public static func decode(_ data: Data, fileName: String) throws(IndicatorParseError) -> IndicatorCatalogue {
        do {
            return try JSONDecoder().decode(IndicatorCatalogue.self, from: data)
        } catch let DecodingError.dataCorrupted(context) {
            throw IndicatorParseError(.malformedJSON, fileName: fileName, path: Self.path(context.codingPath), reason: context.debugDescription)
        } catch let DecodingError.keyNotFound(key, context) {
            throw IndicatorParseError(.missingField, fileName: fileName, path: Self.path(context.codingPath), field: key.stringValue,
                                      reason: "the field '\(key.stringValue)' is missing")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw IndicatorParseError(.invalidValue, fileName: fileName, path: Self.path(context.codingPath),
                                      field: context.codingPath.last?.stringValue, reason: context.debugDescription)
        } catch {
            throw IndicatorParseError(.malformedJSON, fileName: fileName, reason: "\(error)")
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        "$" + codingPath.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
    }
}
