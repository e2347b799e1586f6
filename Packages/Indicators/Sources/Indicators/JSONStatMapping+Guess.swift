import Foundation

extension JSONStatMapping {
    /// A mapping for a dataset held in memory: the dataset's `role` where it names a dimension,
    /// otherwise the dimension whose id is a usual name for regions (`Alue`, `Maakunta`, `Kunta`,
    /// `Hyvinvointialue`, `Region`, …), time (`Vuosi`, `Year`, `Tid`, …) or the measure
    /// (`Tiedot`, `Information`, …). Names are matched ignoring case; nothing found leaves the
    /// field nil so that the parser reports what is missing.
    static func guessed(from data: Data) -> JSONStatMapping {
        struct Head: Decodable {
            var id: [String]?
            var role: [String: [String]]?
        }
        guard let head = try? JSONDecoder().decode(Head.self, from: data), let ids = head.id else { return JSONStatMapping() }
        func pick(_ role: String, _ names: [String]) -> String? {
            if let named = head.role?[role]?.first { return named }
            return ids.first { id in names.contains(id.lowercased()) }
        }
        return JSONStatMapping(
            indicator: pick("metric", ["tiedot", "information", "data", "indicator", "indikaattori", "muuttuja"]),
            region: pick("geo", ["alue", "maakunta", "kunta", "hyvinvointialue", "seutukunta", "region", "area", "område", "landskap", "kommun"]),
            time: pick("time", ["vuosi", "year", "tid", "time", "år", "neljännes", "puolivuotis"]))
    }
}

extension JSONStatMapping {
    /// The same guess as ``guessed(from:)`` for a dataset read as a stream: only the top-level
    /// `id` and `role` are kept (every other member, `value` included, is skipped), so memory
    /// stays bounded by the dimension names, whatever the dataset's size. Reads the stream to
    /// its end (or until both members were seen); a malformed stream gives the default mapping
    /// so that the parser reports the error with its place.
    static func guessed<Bytes: IteratorProtocol<UInt8>>(bytes: Bytes) -> JSONStatMapping {
        var reader = JSONReader(fileName: "", bytes: bytes)
        var ids: [String]?
        var roles: [String: [String]] = [:]
        var sawRole = false
        do throws(IndicatorParseError) {
            try reader.beginObject("a JSON-stat dataset")
            while let key = try reader.nextKey() {
                switch key {
                case "id":
                    guard case .array(let elements) = try reader.readTree() else { break }
                    ids = elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
                case "role":
                    sawRole = true
                    guard case .object(let members) = try reader.readTree() else { break }
                    for (role, names) in members {
                        guard case .array(let elements) = names else { continue }
                        roles[role] = elements.compactMap { if case .string(let text) = $0 { text } else { nil } }
                    }
                default:
                    try reader.skip()
                }
                if ids != nil && sawRole { break }
            }
        } catch {
            if ids == nil { return JSONStatMapping() }
        }
        guard let ids else { return JSONStatMapping() }
        func pick(_ role: String, _ names: [String]) -> String? {
            if let named = roles[role]?.first { return named }
            return ids.first { id in names.contains(id.lowercased()) }
        }
        return JSONStatMapping(
            indicator: pick("metric", ["tiedot", "information", "data", "indicator", "indikaattori", "muuttuja"]),
            region: pick("geo", ["alue", "maakunta", "kunta", "hyvinvointialue", "seutukunta", "region", "area", "område", "landskap", "kommun"]),
            time: pick("time", ["vuosi", "year", "tid", "time", "år", "neljännes", "puolivuotis"]))
    }
}
