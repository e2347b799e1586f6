import Foundation

/// An area that indicator values describe: a municipality, a wellbeing county, a region or the whole country.
///
/// Sources name areas differently — Sotkanet by its own numeric ids (which changed when the
/// wellbeing counties were formed), Statistics Finland by official codes (`KU049`, `MK08`) — so
/// both mappings are kept.
public struct Region: Codable, Sendable, Hashable, Identifiable {
    /// Our id, unique within a region table, e.g. `"kymenlaakso"` or `"sotkanet-20"`.
    public var id: String
    /// What kind of area it is.
    public var kind: RegionKind
    /// The area's name in Finnish, Swedish and English.
    public var name: LocalizedText
    /// The official code: a municipality code (`"049"`), a region code (`"08"`) or a wellbeing-county code (`"10"`).
    public var code: String?
    /// Codes the area had before (e.g. the wellbeing county's old Sotkanet code).
    public var formerCodes: [String]
    /// Sotkanet's region id.
    public var sotkanetId: Int?
    /// Sotkanet ids the area had before.
    public var formerSotkanetIds: [Int]
    /// The id of the area this one belongs to, if any.
    public var parent: String?

    /// A region; only id, kind and name are required.
    public init(id: String, kind: RegionKind, name: LocalizedText, code: String? = nil, formerCodes: [String] = [],
                sotkanetId: Int? = nil, formerSotkanetIds: [Int] = [], parent: String? = nil) {
        self.id = id
        self.kind = kind
        self.name = name
        self.code = code
        self.formerCodes = formerCodes
        self.sotkanetId = sotkanetId
        self.formerSotkanetIds = formerSotkanetIds
        self.parent = parent
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        kind = try container.decode(RegionKind.self, forKey: .kind)
        name = try container.decode(LocalizedText.self, forKey: .name)
        code = try container.decodeIfPresent(String.self, forKey: .code)
        formerCodes = try container.decodeIfPresent([String].self, forKey: .formerCodes) ?? []
        sotkanetId = try container.decodeIfPresent(Int.self, forKey: .sotkanetId)
        formerSotkanetIds = try container.decodeIfPresent([Int].self, forKey: .formerSotkanetIds) ?? []
        parent = try container.decodeIfPresent(String.self, forKey: .parent)
    }
}
