// swift-tools-version: 6.1
import Foundation
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Millrace",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "millrace", targets: ["millrace"]),
        .library(name: "MillraceCore", targets: ["MillraceCore"]),
        .library(name: "MillraceConfiguration", targets: ["MillraceConfiguration"]),
        .library(name: "Historian", targets: ["Historian"]),
        .library(name: "HistorianCore", targets: ["HistorianCore"]),
        .library(name: "ModbusCore", targets: ["ModbusCore"]),
        .library(name: "ModbusNIO", targets: ["ModbusNIO"]),
        .library(name: "Analytics", targets: ["Analytics"]),
        .library(name: "MillraceApp", targets: ["MillraceApp"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // Value types only: tags, samples, quality, units, asset paths, clocks.
        .target(name: "MillraceCore", swiftSettings: swiftSettings),
        // Typed YAML configuration, validated once at load.
        .target(
            name: "MillraceConfiguration",
            dependencies: ["MillraceCore", "ModbusCore", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        // Pure historian logic: chunk codecs and query math, no I/O.
        .target(name: "HistorianCore", dependencies: ["MillraceCore"], swiftSettings: swiftSettings),
        // Pure Modbus: PDU/ADU codecs, exception codes, client state machine, tag mapping, read planner.
        .target(name: "ModbusCore", dependencies: ["MillraceCore"], swiftSettings: swiftSettings),
        // Modbus over NIO: MBAP and RTU-over-TCP codecs, the client (channel handler + ModbusClient), the device server.
        .target(
            name: "ModbusNIO",
            dependencies: [
                "ModbusCore", "MillraceCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Benchmarks/modbus/run builds it with -c release; not a product.
        .executableTarget(
            name: "ModbusBenchmark",
            dependencies: [
                "ModbusNIO", "ModbusCore", "MillraceCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            path: "Benchmarks/modbus/ModbusBenchmark",
            swiftSettings: swiftSettings
        ),
        // Condition monitoring: pure signal processing, vibration features, ISO 10816 severity, bearings.
        .target(name: "Analytics", dependencies: ["MillraceCore"], swiftSettings: swiftSettings),
        // Users, roles, passwords, TOTP, tokens, secrets at rest, the audit hash chain (docs/security.md).
        // Named MillraceSecurity because Apple platforms have a system module called Security.
        .target(
            name: "MillraceSecurity",
            dependencies: [
                "MillraceCore",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Sources/Security",
            swiftSettings: swiftSettings
        ),
        // Storage engines behind the `HistorianStore` protocol.
        .target(
            name: "Historian",
            dependencies: [
                "MillraceCore", "HistorianCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Inputs, sample sinks, the live bus.
        .target(
            name: "Collector",
            dependencies: [
                "MillraceCore", "HistorianCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        // The plant twin.
        .target(name: "Simulator", dependencies: ["MillraceCore"], swiftSettings: swiftSettings),
        // HTTP API and web UI.
        .target(
            name: "API",
            dependencies: [
                "MillraceCore", "Historian", "HistorianCore", "Collector", "MillraceConfiguration",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Wiring only: typed configuration -> services -> service group.
        .target(
            name: "MillraceApp",
            dependencies: [
                "MillraceCore", "MillraceConfiguration", "Historian", "HistorianCore", "Collector", "Simulator", "API", "ModbusCore", "ModbusNIO",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "millrace",
            dependencies: [
                "MillraceApp", "MillraceConfiguration", "Historian", "MillraceCore", "Analytics", "Simulator",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "MillraceTestSupport",
            dependencies: ["MillraceCore", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MillraceCoreTests",
            dependencies: [
                "MillraceCore", "MillraceTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MillraceConfigurationTests",
            dependencies: ["MillraceConfiguration", "MillraceCore", "MillraceTestSupport"],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HistorianTests",
            dependencies: [
                "Historian", "HistorianCore", "MillraceCore", "MillraceTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "HistorianCoreTests",
            dependencies: [
                "HistorianCore", "MillraceCore",
                "MillraceTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ModbusCoreTests",
            dependencies: [
                "ModbusCore", "MillraceCore",
                "MillraceTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ModbusNIOTests",
            dependencies: [
                "ModbusNIO", "ModbusCore", "MillraceCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOTestUtils", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ModbusIntegrationTests",
            dependencies: [
                "ModbusNIO", "ModbusCore", "MillraceCore", "MillraceTestSupport",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MillraceAppTests",
            dependencies: [
                "MillraceApp", "MillraceConfiguration", "MillraceCore", "ModbusCore", "ModbusNIO", "Historian", "HistorianCore", "Collector", "Simulator",
                "MillraceTestSupport",
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SecurityTests",
            dependencies: ["MillraceSecurity", "MillraceCore"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "AnalyticsTests",
            dependencies: [
                "Analytics", "MillraceCore", "Simulator",
                "MillraceTestSupport",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SimulatorTests",
            dependencies: ["Simulator", "MillraceCore", "MillraceTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CollectorTests",
            dependencies: [
                "Collector", "MillraceCore", "HistorianCore", "MillraceTestSupport",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "APITests",
            dependencies: [
                "API", "Historian", "Collector", "MillraceCore", "MillraceTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["MillraceTestSupport", "MillraceCore"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz targets (libFuzzer) are only part of the package when MILLRACE_FUZZ is set, because they must be
// built with `-sanitize=fuzzer` to link. `scripts/fuzz TARGET SECONDS` sets it and builds in .build-fuzz.
if ProcessInfo.processInfo.environment["MILLRACE_FUZZ"] != nil {
    let fuzzTargets: [(String, [Target.Dependency])] = [
        ("FuzzConfigDecoder", ["MillraceConfiguration"]),
        ("FuzzCSVReader", ["HistorianCore"]),
        ("FuzzModbusADU", ["ModbusCore"]),
        ("FuzzChunkDecoder", ["HistorianCore", "MillraceCore"]),
        ("FuzzWALDecoder", ["HistorianCore"]),
    ]
    for (name, dependencies) in fuzzTargets {
        package.targets.append(
            .executableTarget(name: name, dependencies: dependencies, path: "Fuzz/Sources/\(name)", swiftSettings: swiftSettings))
    }
}
