import Foundation
import Model
import Yams

/// Reads and writes a `PlanDocument` as YAML (format `hyte-plan/1`, see `docs/formats/plan.md`).
///
/// Writing is deterministic: keys come in the model's declaration order, lists that may be left
/// out are left out when empty, and lines are never folded, so that exporting, importing and
/// exporting again gives identical text.
public enum PlanYAML {
    /// Reads a plan document from YAML text.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - fileName: The name used in error messages, e.g. `loviisa.yaml`.
    /// - Throws: `PlanFileError` with the line and column of a syntax error, or the path, line and
    ///   column of a field that does not fit the format. The document is not validated; see
    ///   `PlanValidator`.
    public static func decode(_ text: String, fileName: String) throws(PlanFileError) -> PlanDocument {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw PlanFileError(yamlError: error, file: fileName)
        } catch {
            throw PlanFileError(file: fileName, message: "\(error)")
        }
        guard let node else {
            throw PlanFileError(file: fileName, line: 1, column: 1, message: "the file is empty")
        }
        do {
            return try YAMLDecoder().decode(PlanDocument.self, from: node)
        } catch let error as DecodingError {
            let found = YAMLLocator.node(at: CodingPath.components(error.presentPath), in: node)
            throw PlanFileError(file: fileName, line: found.mark?.line, column: found.mark?.column,
                                path: CodingPath.render(error.fieldPath),
                                message: error.problem(found: found.exact.map(YAMLLocator.describe)))
        } catch let error as YamlError {
            throw PlanFileError(yamlError: error, file: fileName)
        } catch {
            throw PlanFileError(file: fileName, message: "\(error)")
        }
    }

    /// Writes a plan document as YAML, in a fixed key order.
    public static func encode(_ document: PlanDocument) throws -> String {
        let encoder = YAMLEncoder()
        encoder.options = YAMLEncoder.Options(width: -1, allowUnicode: true, newLineScalarStyle: .literal)
        let raw = try encoder.encode(document)
        guard let node = try Yams.compose(yaml: raw) else { return raw }
        return try Yams.serialize(node: pruned(node), width: -1, allowUnicode: true, sortKeys: false)
    }

    /// Keys whose value may be left out of a file when it is an empty list.
    static let omittableWhenEmpty: Set<String> = [
        "organisations", "statusReports", "measures", "indicators", "children", "responsible",
        "targetGroups", "preventionLevels", "projects", "values",
    ]

    /// Drops empty lists that the decoder defaults, everywhere in the tree.
    private static func pruned(_ node: Node) -> Node {
        switch node {
        case .mapping(let mapping):
            var pairs: [(Node, Node)] = []
            for (key, value) in mapping {
                if let name = key.string, omittableWhenEmpty.contains(name), let list = value.sequence, list.isEmpty {
                    continue
                }
                pairs.append((key, pruned(value)))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(pruned), sequence.tag, sequence.style, sequence.mark))
        default:
            return node
        }
    }
}
