import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// What a report's HTML looks like to an XML parser: whether it is well-formed, its `lang`, its
/// headings in order, and the header cells, captions, titles and descriptions of its tables and charts.
final class HTMLStructure: NSObject, XMLParserDelegate {
    private(set) var wellFormed = false
    private(set) var parseError: String?
    private(set) var language: String?
    private(set) var headingLevels: [Int] = []
    private(set) var tables = 0
    private(set) var tablesWithCaption = 0
    private(set) var tablesWithScopedHeaders = 0
    private(set) var svgs = 0
    private(set) var svgsWithTitleAndDescription = 0
    private(set) var svgsWithRoleImg = 0
    private(set) var externalReferences: [String] = []
    private var tableHasCaption = false
    private var tableHasScope = false
    private var svgHasTitle = false
    private var svgHasDescription = false

    static func parse(_ html: String) -> HTMLStructure {
        let structure = HTMLStructure()
        let parser = XMLParser(data: Data(html.utf8))
        parser.delegate = structure
        structure.wellFormed = parser.parse()
        if !structure.wellFormed { structure.parseError = parser.parserError.map { "\($0) line \(parser.lineNumber)" } }
        return structure
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String]) {
        switch elementName {
        case "html": language = attributes["lang"]
        case "h1", "h2", "h3", "h4", "h5", "h6": headingLevels.append(Int(elementName.dropFirst())!)
        case "table":
            tables += 1
            tableHasCaption = false
            tableHasScope = false
        case "caption": tableHasCaption = true
        case "th": if attributes["scope"] == "col" { tableHasScope = true }
        case "svg":
            svgs += 1
            svgHasTitle = false
            svgHasDescription = false
            if attributes["role"] == "img" { svgsWithRoleImg += 1 }
        case "title": svgHasTitle = true
        case "desc": svgHasDescription = true
        default: break
        }
        for key in ["src", "href"] {
            if let value = attributes[key], value.contains("://") { externalReferences.append(value) }
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        switch elementName {
        case "table":
            if tableHasCaption { tablesWithCaption += 1 }
            if tableHasScope { tablesWithScopedHeaders += 1 }
        case "svg":
            if svgHasTitle && svgHasDescription { svgsWithTitleAndDescription += 1 }
        default: break
        }
    }

    /// True when no heading is more than one level deeper than the one before, and the first is `h1`.
    var headingsInOrder: Bool {
        guard headingLevels.first == 1 else { return false }
        return zip(headingLevels, headingLevels.dropFirst()).allSatisfy { $1 <= $0 + 1 }
    }
}
