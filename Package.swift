// swift-tools-version: 6.1
// Hyte: municipal welfare planning, follow-up and reporting.
//
// One root manifest so that `swift test` at the root runs every test. Each package of the
// architecture lives in `Packages/<Name>/` with its own sources and tests; services are thin
// executables in `Services/<name>/`.
import PackageDescription

let package = Package(
    name: "Hyte",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hyte", targets: ["HyteGateway"]),
        .executable(name: "hyte-broker", targets: ["HyteBroker"]),
        .executable(name: "hyte-storage", targets: ["HyteStorage"]),
        .executable(name: "hyte-indicators", targets: ["HyteIndicators"]),
        .executable(name: "hyte-reporting", targets: ["HyteReporting"]),
        .executable(name: "hyte-participation", targets: ["HyteParticipation"]),
        .executable(name: "hyte-bench-bus", targets: ["BenchBus"]),
        .executable(name: "hyte-bench-storage", targets: ["BenchStorage"]),
        .library(name: "Model", targets: ["Model"]),
        .library(name: "BusCore", targets: ["BusCore"]),
        .library(name: "BusZMQ", targets: ["BusZMQ"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-collections", exact: "1.6.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        // Already in the build through postgres-nio; the participation service hashes tokens and voter ids with it.
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
    ],
    targets: [
        // MARK: Model — domain values and service contracts, no I/O.
        .target(name: "Model", path: "Packages/Model/Sources/Model"),
        .testTarget(name: "ModelTests", dependencies: ["Model"], path: "Packages/Model/Tests/ModelTests"),
        // The plan file formats: YAML/JSON documents and the tabular CSV/XLSX form.
        .target(name: "PlanFormats", dependencies: ["Model", .product(name: "Yams", package: "Yams"),
                                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Packages/Model/Sources/PlanFormats"),
        .testTarget(name: "PlanFormatsTests", dependencies: ["PlanFormats", "Model"],
                    path: "Packages/Model/Tests/PlanFormatsTests", exclude: ["Fixtures"]),

        // MARK: Bus — core (no ZeroMQ), the libzmq implementation, an in-memory double, the service runtime.
        .systemLibrary(
            name: "CZeroMQ",
            path: "Packages/Bus/Sources/CZeroMQ",
            pkgConfig: "libzmq",
            providers: [.apt(["libzmq3-dev"])]
        ),
        .target(
            name: "BusCore",
            dependencies: ["Model", .product(name: "Logging", package: "swift-log"),
                           .product(name: "DequeModule", package: "swift-collections")],
            path: "Packages/Bus/Sources/BusCore"
        ),
        .target(
            name: "BusZMQ",
            dependencies: ["BusCore", "CZeroMQ", .product(name: "Logging", package: "swift-log")],
            path: "Packages/Bus/Sources/BusZMQ"
        ),
        .target(name: "BusTesting", dependencies: ["BusCore"], path: "Packages/Bus/Sources/BusTesting"),
        .target(
            name: "ServiceRuntime",
            dependencies: [
                "BusCore", "BusZMQ", "Model",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Packages/Bus/Sources/ServiceRuntime"
        ),
        .testTarget(
            name: "BusTests",
            dependencies: ["BusCore", "BusZMQ", "BusTesting", "ServiceRuntime", "Model", "CZeroMQ"],
            path: "Packages/Bus/Tests/BusTests"
        ),

        // MARK: Domain packages — each depends on Model and the bus core only.
        .target(
            name: "Storage",
            dependencies: ["Model", "BusCore", .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Logging", package: "swift-log")],
            path: "Packages/Storage/Sources/Storage"
        ),
        .testTarget(name: "StorageTests", dependencies: ["Storage", "BusCore", "BusTesting", "Model"],
                    path: "Packages/Storage/Tests/StorageTests"),
        .target(name: "Indicators", dependencies: ["Model", "BusCore", .product(name: "Logging", package: "swift-log")],
                path: "Packages/Indicators/Sources/Indicators"),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "BusCore", "BusTesting", "Model"],
                    path: "Packages/Indicators/Tests/IndicatorsTests",
                    resources: [.copy("Fixtures")]),
        .target(name: "Participation", dependencies: ["Model", "BusCore", .product(name: "Logging", package: "swift-log"),
                                                     .product(name: "Crypto", package: "swift-crypto")],
                path: "Packages/Participation/Sources/Participation"),
        .testTarget(name: "ParticipationTests", dependencies: ["Participation", "BusCore", "BusTesting", "Model"],
                    path: "Packages/Participation/Tests/ParticipationTests"),
        .target(name: "Reporting", dependencies: ["Model", "BusCore", "PlanFormats", .product(name: "Logging", package: "swift-log"),
                                                 .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                path: "Packages/Reporting/Sources/Reporting"),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "BusCore", "BusTesting", "Model", "PlanFormats",
                                                          .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    path: "Packages/Reporting/Tests/ReportingTests", resources: [.copy("Golden")]),

        // MARK: Services — thin executables.
        .executableTarget(name: "HyteBroker", dependencies: ["ServiceRuntime", "BusZMQ"], path: "Services/hyte-broker"),
        .executableTarget(name: "HyteStorage", dependencies: ["ServiceRuntime", "Storage"], path: "Services/hyte-storage"),
        .executableTarget(name: "HyteIndicators", dependencies: ["ServiceRuntime", "Indicators"], path: "Services/hyte-indicators"),
        .executableTarget(name: "HyteReporting", dependencies: ["ServiceRuntime", "Reporting"], path: "Services/hyte-reporting"),
        .executableTarget(name: "HyteParticipation", dependencies: ["ServiceRuntime", "Participation"], path: "Services/hyte-participation"),
        .executableTarget(
            name: "HyteGateway",
            dependencies: ["ServiceRuntime", "BusZMQ", "BusCore", "Model", "PlanFormats", "Participation",
                           .product(name: "ArgumentParser", package: "swift-argument-parser"),
                           .product(name: "Yams", package: "Yams")],
            path: "Services/hyte"
        ),
        .executableTarget(name: "BenchBus", dependencies: ["BusZMQ", "BusCore", "CZeroMQ", "Model", .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log")], path: "tools/bench/bus"),
        .executableTarget(name: "BenchStorage", dependencies: ["Model", "BusCore", "BusZMQ", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "ArgumentParser", package: "swift-argument-parser"), .product(name: "Logging", package: "swift-log")], path: "tools/bench/storage"),

        // MARK: End-to-end tests of the built binaries.
        // They depend on the executables so that `swift test` builds them first.
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["BusZMQ", "BusCore", "Model", "HyteBroker", "HyteStorage", "HyteIndicators",
                           "HyteReporting", "HyteParticipation", "HyteGateway", "BenchBus",
                           .product(name: "GRDB", package: "GRDB.swift")],
            path: "Tests/EndToEndTests"
        ),
    ]
)
