import Foundation
import Model

/// Reads Sotkanet's region list (`/rest/1.1/regions`) one region at a time.
///
/// Each element `{"id": 20, "code": "049", "category": "KUNTA", "title": {"fi": "Espoo", …}, "memberOf": […]}`
/// becomes a ``Region`` with id `sotkanet-20`, the code, the Sotkanet id and the kind from the
/// category; `parent` is left empty (`memberOf` lists many overlapping areas). Memory: one region.
public struct SotkanetRegionParser<Bytes: IteratorProtocol<UInt8>> {
    private var reader: JSONReader<Bytes>
    private var index = 0
    private var started = false
    private var finished = false

    /// A parser over any source of bytes.
    public init(fileName: String, bytes: Bytes) {
        reader = JSONReader(fileName: fileName, bytes: bytes)
    }

    /// The next region, or nil after the last one.
    public mutating func next() throws(IndicatorParseError) -> Region? {
        if finished { return nil }
        if !started {
            try reader.expectStart("a JSON array of regions")
            try reader.beginArray("the list of regions")
            started = true
        }
        reader.path = "$"
        guard try reader.nextElement() else {
            finished = true
            try reader.expectEnd()
            return nil
        }
        reader.path = "$[\(index)]"
        let tree = try reader.readTree()
        defer { index += 1 }
        guard tree.members != nil else { throw reader.invalid(.invalidValue, "expected a region object") }
        guard let id = tree["id"]?.int else { throw reader.invalid(.missingField, field: "id", "a region needs an integer 'id'") }
        guard let title = tree["title"], let name = LocalizedText(json: title), !name.isEmpty else {
            throw reader.invalid(.missingField, field: "title", "a region needs a 'title' with fi, sv or en")
        }
        return Region(id: "sotkanet-\(id)", kind: RegionKind(sotkanetCategory: tree["category"]?.string ?? ""), name: name,
                      code: tree["code"]?.string, sotkanetId: id)
    }

    /// Every region (the list is small: some thousand entries at most).
    public mutating func readAll() throws(IndicatorParseError) -> [Region] {
        var regions: [Region] = []
        while let region = try next() { regions.append(region) }
        return regions
    }
}

extension SotkanetRegionParser where Bytes == Data.Iterator {
    /// A parser over bytes held in memory.
    public init(fileName: String, data: Data) {
        self.init(fileName: fileName, bytes: data.makeIterator())
    }
}

extension LocalizedText {
    /// `{"fi": …, "sv": …, "en": …}`; nil when the value is not an object.
    init?(json: JSONValue) {
        guard json.members != nil else { return nil }
        self.init(fi: json["fi"]?.string.nonEmpty, sv: json["sv"]?.string.nonEmpty, en: json["en"]?.string.nonEmpty)
    }
}

extension Optional where Wrapped == String {
    /// nil for an empty or blank string.
    var nonEmpty: String? {
        guard let text = self?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
        return text
    }
}
