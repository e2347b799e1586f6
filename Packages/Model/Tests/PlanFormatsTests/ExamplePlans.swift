import Foundation

/// The example plan files bundled in `examples/plans/`, found from this file's location.
enum ExamplePlans {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // PlanFormatsTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // Model
        .deletingLastPathComponent()  // Packages
        .deletingLastPathComponent()  // repository root
        .appendingPathComponent("examples/plans", isDirectory: true)

    /// Every `*.yaml` file in `examples/plans/`, sorted by name.
    static func yamlFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func names() -> [String] {
        ((try? yamlFiles()) ?? []).map(\.lastPathComponent)
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }
}
