import BusCore
import Model

/// Finds the region of a report's `area` — an organisation id such as `loviisa` or `kymsote` —
/// in the stored region table.
///
/// In order: the region table itself (id, code, Sotkanet id, name); the organisation's names as
/// storage has them (`Loviisa` → the region named Loviisa); then the organisations whose area is
/// a region under another name (``aliases``).
struct IndicatorAreaResolver {
    let catalogue: StoredCatalogue

    /// Organisations whose area is a statistical region of another name, as region references
    /// (id or official code): Kymsote, the joint authority for social and health services of the
    /// Kymenlaakso municipalities (2019–2022), covers the Kymenlaakso region (code 08); its
    /// successor is the Kymenlaakso wellbeing services county (Sotkanet 967, code 10).
    static let aliases: [String: [String]] = ["kymsote": ["kymenlaakso", "08"]]

    func region(for area: String, bus: any BusClient, headers: RequestHeaders) async -> Region? {
        if let region = catalogue.region(area) { return region }
        if let organisation = try? await bus.call(StorageContracts.GetOrganisation.self, .init(id: area), headers: headers) {
            for language in Language.allCases {
                if let name = organisation.name[language], let region = catalogue.region(name) { return region }
            }
        }
        return Self.aliases[area.lowercased()]?.lazy.compactMap { catalogue.region($0) }.first
    }
}
