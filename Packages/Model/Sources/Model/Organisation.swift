import Foundation

/// What kind of organisation a node of the organisation tree is.
public enum OrganisationKind: String, Codable, Sendable, CaseIterable {
    /// A wellbeing services county or a region (e.g. Kymsote).
    case region
    case municipality
    /// A centre or department of a municipality (e.g. Perusturvakeskus).
    case department
    /// A unit or area of responsibility under a department (vastuualue).
    case unit
    /// An organisation outside the municipality: an NGO, the parish, the police, a company.
    case partner
}

/// A node of the organisation tree, or an external partner.
public struct Organisation: Codable, Sendable, Hashable, Identifiable {
    /// A stable, human-readable id such as `loviisa` or `loviisa.perusturva`.
    public var id: String
    public var kind: OrganisationKind
    public var name: LocalizedText
    /// The organisation above this one, if any.
    public var parentId: String?
    /// Record version for optimistic concurrency; 1 after creation.
    public var version: Int

    public init(id: String, kind: OrganisationKind, name: LocalizedText, parentId: String? = nil, version: Int = 1) {
        self.id = id
        self.kind = kind
        self.name = name
        self.parentId = parentId
        self.version = version
    }
}

/// A file of organisations as bundled in `examples/` and read by `hyte org import`.
public struct OrganisationFile: Codable, Sendable {
    public var organisations: [Organisation]
    public init(organisations: [Organisation]) { self.organisations = organisations }
}

/// Storage operations on organisations.
public enum StorageContracts {
    /// `organisation.upsert`: create or replace organisations in one transaction, parents first.
    /// Idempotent for the same `requestId`.
    public struct UpsertOrganisations: Contract {
        public static let service = ServiceName.storage
        public static let operation = "organisation.upsert"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var organisations: [Organisation]
            /// Optimistic concurrency: for each organisation id listed, the version the change was
            /// made from (0 for one that must not exist yet). A stored version that differs
            /// refuses the whole batch with 409 naming the organisation.
            public var expectedVersions: [String: Int]?
            public init(organisations: [Organisation], expectedVersions: [String: Int]? = nil) {
                self.organisations = organisations
                self.expectedVersions = expectedVersions
            }
        }
        public struct Response: Codable, Sendable, Hashable {
            public var created: Int
            public var updated: Int
            public var unchanged: Int
            public init(created: Int, updated: Int, unchanged: Int) {
                self.created = created
                self.updated = updated
                self.unchanged = unchanged
            }
        }
    }

    /// `organisation.list`: every organisation, ordered by id.
    public struct ListOrganisations: Contract {
        public static let service = ServiceName.storage
        public static let operation = "organisation.list"
        public static let version = 1
        public typealias Request = Empty
        public struct Response: Codable, Sendable, Hashable {
            public var organisations: [Organisation]
            public init(organisations: [Organisation]) { self.organisations = organisations }
        }
    }

    /// `organisation.get`: one organisation by id; 404 when unknown.
    public struct GetOrganisation: Contract {
        public static let service = ServiceName.storage
        public static let operation = "organisation.get"
        public static let version = 1
        public struct Request: Codable, Sendable {
            public var id: String
            public init(id: String) { self.id = id }
        }
        public typealias Response = Organisation
    }
}
