import Foundation
import Model

/// Reads and writes a `PlanDocument` as JSON, the same document as `PlanYAML` writes.
///
/// Writing sorts keys and indents, so that the same document always gives the same text.
public enum PlanJSON {
    /// Reads a plan document from JSON text.
    ///
    /// - Throws: `PlanFileError` with the path of the field that does not fit the format, or the
    ///   position of a syntax error when the JSON parser names one.
    public static func decode(_ text: String, fileName: String) throws(PlanFileError) -> PlanDocument {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(PlanDocument.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                let detail = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
                throw PlanFileError(file: fileName, message: "JSON syntax: \(detail ?? context.debugDescription)")
            }
            throw PlanFileError(file: fileName, path: CodingPath.render(error.fieldPath), message: error.problem)
        } catch {
            throw PlanFileError(file: fileName, message: "\(error)")
        }
    }

    /// Writes a plan document as indented JSON with sorted keys and ISO 8601 dates.
    public static func encode(_ document: PlanDocument) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}
