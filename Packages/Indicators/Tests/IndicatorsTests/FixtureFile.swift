import Foundation
import Testing

/// Real data files copied into `Fixtures/` (see `/work/shared/data/real/PROVENANCE.md` for their sources).
enum FixtureFile {
    /// The text of `Fixtures/<name>.<ext>`.
    static func text(_ name: String, _ ext: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"))
        return try String(contentsOf: url, encoding: .utf8)
    }

    /// The URL of `Fixtures/<name>.<ext>`.
    static func url(_ name: String, _ ext: String) throws -> URL {
        try #require(Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Fixtures"))
    }

    /// The bytes of `Fixtures/<name>.<ext>`.
    static func data(_ name: String, _ ext: String) throws -> Data {
        try Data(contentsOf: try url(name, ext))
    }

    /// Sotkanet indicator 171 (share of residents aged 75+), 2019 and 2023, five municipalities.
    static func sotkanet171() throws -> String { try text("sotkanet_data_171_2019_2023", "json") }
}
