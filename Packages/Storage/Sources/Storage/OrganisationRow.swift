import GRDB
import Model

/// One row of the `organisation` table.
///
/// The kind is kept as text here and checked when the row becomes an ``Organisation``, so that a
/// row written by a newer version never crashes this one.
struct OrganisationRow: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "organisation"

    var id: String
    var kind: String
    var nameFi: String?
    var nameSv: String?
    var nameEn: String?
    var parentId: String?
    var version: Int

    enum CodingKeys: String, CodingKey {
        case id, kind, version
        case nameFi = "name_fi"
        case nameSv = "name_sv"
        case nameEn = "name_en"
        case parentId = "parent_id"
    }

    init(id: String, kind: String, nameFi: String?, nameSv: String?, nameEn: String?, parentId: String?, version: Int) {
        self.id = id
        self.kind = kind
        self.nameFi = nameFi
        self.nameSv = nameSv
        self.nameEn = nameEn
        self.parentId = parentId
        self.version = version
    }

    init(_ organisation: Organisation) {
        id = organisation.id
        kind = organisation.kind.rawValue
        nameFi = organisation.name.fi
        nameSv = organisation.name.sv
        nameEn = organisation.name.en
        parentId = organisation.parentId
        version = organisation.version
    }

    /// The organisation this row stores; throws if the row holds a kind this version does not know.
    func organisation() throws(StorageDataError) -> Organisation {
        guard let kind = OrganisationKind(rawValue: kind) else {
            throw StorageDataError("organisation '\(id)' has the unknown kind '\(kind)' in the database")
        }
        return Organisation(id: id, kind: kind, name: LocalizedText(fi: nameFi, sv: nameSv, en: nameEn),
                            parentId: parentId, version: version)
    }
}
