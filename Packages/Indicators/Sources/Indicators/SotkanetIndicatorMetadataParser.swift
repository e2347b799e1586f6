import Foundation
import Model

/// Reads Sotkanet indicator metadata (`/rest/1.1/indicators/{id}`) as ``IndicatorDefinition``s.
///
/// Accepts one indicator object, an array of them, or an object whose `indicators` member maps
/// ids to them (as in `sotkanet_indicator_metadata_186_322_5527.json`). Read: `id`, `title`
/// (fi/sv/en), `description` (tags removed), `decimals`, `primaryValueType.code` (→ unit),
/// `organization.title` (→ provider and source), `sources[0].title.fi` (→ source when present).
/// Direction is not in Sotkanet's metadata: it is `neutral` unless `directions` names it.
/// Memory: one indicator's metadata at a time.
public struct SotkanetIndicatorMetadataParser<Bytes: IteratorProtocol<UInt8>> {
    private var reader: JSONReader<Bytes>
    private let directions: [Int: Direction]
    private var state = State.start

    private enum State { case start, inArray(Int), inWrapper, inIndicators, finished }

    /// A parser over bytes; `directions` gives the direction of indicators by Sotkanet id.
    public init(fileName: String, bytes: Bytes, directions: [Int: Direction] = [:]) {
        reader = JSONReader(fileName: fileName, bytes: bytes)
        self.directions = directions
    }

    /// The next indicator, or nil after the last one.
    public mutating func next() throws(IndicatorParseError) -> IndicatorDefinition? {
        while true {
            switch state {
            case .finished:
                return nil
            case .start:
                try reader.expectStart("indicator metadata")
                if reader.peek() == UInt8(ascii: "[") {
                    try reader.beginArray("a list of indicators")
                    state = .inArray(0)
                } else {
                    try reader.beginObject("indicator metadata")
                    state = .inWrapper
                    if let single = try readTopLevelObject() { return single }
                }
            case .inArray(let index):
                reader.path = "$"
                guard try reader.nextElement() else { state = .finished; try reader.expectEnd(); return nil }
                reader.path = "$[\(index)]"
                state = .inArray(index + 1)
                return try definition(reader.readTree())
            case .inWrapper:
                reader.path = "$"
                guard let key = try reader.nextKey() else { state = .finished; try reader.expectEnd(); return nil }
                if key == "indicators" {
                    reader.path = "$.indicators"
                    lastContainerWasArray = reader.peek() == UInt8(ascii: "[")
                    indicatorsIsArray = nil
                    if lastContainerWasArray { try reader.beginArray("indicators") } else { try reader.beginObject("indicators") }
                    state = .inIndicators
                } else {
                    try reader.skip()
                }
            case .inIndicators:
                reader.path = "$.indicators"
                // Both a map {"186": {…}} and an array […] of indicators are accepted.
                if case .some = try nextIndicatorSlot() {
                    return try definition(reader.readTree())
                }
                state = .inWrapper
            }
        }
    }

    private var indicatorsIsArray: Bool? = nil
    private var slot = 0

    /// Moves to the next indicator in `indicators`; nil when the container ends.
    private mutating func nextIndicatorSlot() throws(IndicatorParseError) -> String? {
        // The container kind was seen at beginObject/beginArray; try a key first, an element otherwise.
        if indicatorsIsArray == nil { indicatorsIsArray = lastContainerWasArray }
        if indicatorsIsArray == true {
            guard try reader.nextElement() else { return nil }
            reader.path = "$.indicators[\(slot)]"
            slot += 1
            return String(slot - 1)
        }
        guard let key = try reader.nextKey() else { return nil }
        reader.path = "$.indicators" + SotkanetJSONParser<[UInt8].Iterator>.pathComponent(key)
        return key
    }

    private var lastContainerWasArray = false

    /// A top-level object is either a single indicator (it has `id` and `title`) or a wrapper; the
    /// members are read one by one: a single indicator's members are small.
    private mutating func readTopLevelObject() throws(IndicatorParseError) -> IndicatorDefinition? {
        var members: [(String, JSONValue)] = []
        while let key = try reader.nextKey() {
            reader.path = "$" + SotkanetJSONParser<[UInt8].Iterator>.pathComponent(key)
            if key == "indicators", reader.peek() == UInt8(ascii: "{") || reader.peek() == UInt8(ascii: "[") {
                lastContainerWasArray = reader.peek() == UInt8(ascii: "[")
                if lastContainerWasArray { try reader.beginArray("indicators") } else { try reader.beginObject("indicators") }
                state = .inIndicators
                return try next()
            }
            members.append((key, try reader.readTree()))
            reader.path = "$"
        }
        state = .finished
        try reader.expectEnd()
        let tree = JSONValue.object(members)
        guard tree["id"] != nil else {
            throw reader.invalid(.missingField, field: "indicators", "expected an indicator (with 'id') or an 'indicators' member")
        }
        return try definition(tree)
    }

    /// Every indicator.
    public mutating func readAll() throws(IndicatorParseError) -> [IndicatorDefinition] {
        var all: [IndicatorDefinition] = []
        while let definition = try next() { all.append(definition) }
        return all
    }

    private func definition(_ tree: JSONValue) throws(IndicatorParseError) -> IndicatorDefinition {
        guard tree.members != nil else { throw reader.invalid(.invalidValue, "expected an indicator object") }
        guard let id = tree["id"]?.int else { throw reader.invalid(.missingField, field: "id", "an indicator needs an integer 'id'") }
        guard let titleTree = tree["title"], let title = LocalizedText(json: titleTree), !title.isEmpty else {
            throw reader.invalid(.missingField, field: "title", "an indicator needs a 'title' with fi, sv or en")
        }
        let code = tree["primaryValueType"]?["code"]?.string ?? ""
        let unit: IndicatorUnit = switch code.uppercased() {
        case "PROS", "PERCENT": .percent
        case "LKM", "COUNT": .count
        case "PER1000": .perThousand
        case "PER10000": .perTenThousand
        case "PER100000": .perHundredThousand
        case "EUR", "EUROA": .euro
        case "PV", "DAYS": .days
        default: .other(tree["primaryValueType"]?["title"]?["fi"]?.string ?? code)
        }
        let provider = tree["organization"]?["title"].flatMap(LocalizedText.init(json:))
        let sourceTitle = tree["sources"]?.array?.first?["title"]?["fi"]?.string
        let description = tree["description"].flatMap(LocalizedText.init(json:)).map { text in
            LocalizedText(fi: text.fi.map(plainText), sv: text.sv.map(plainText), en: text.en.map(plainText))
        }
        let isTHL = tree["organization"]?["id"]?.int == 2
        return IndicatorDefinition(
            id: "sotkanet-\(id)", name: title, description: description,
            source: sourceTitle ?? provider?.fi ?? "Sotkanet", unit: unit, decimals: tree["decimals"]?.int ?? 0,
            direction: directions[id] ?? .neutral, sotkanetId: id, provider: provider,
            licence: isTHL ? "CC BY 4.0 (THL, Sotkanet.fi)" : "third-party indicator: use only by separate agreement")
    }

}

extension SotkanetIndicatorMetadataParser where Bytes == Data.Iterator {
    /// A parser over bytes held in memory.
    public init(fileName: String, data: Data, directions: [Int: Direction] = [:]) {
        self.init(fileName: fileName, bytes: data.makeIterator(), directions: directions)
    }
}

/// Text without HTML tags, runs of whitespace collapsed.
func plainText(_ html: String) -> String {
    let text = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
}
