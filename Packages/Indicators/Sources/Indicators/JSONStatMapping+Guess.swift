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
