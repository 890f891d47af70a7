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
        .library(name: "HistorianPostgres", targets: ["HistorianPostgres"]),
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
        .package(url: "https://github.com/apple/swift-certificates", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.27.0"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
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
        // Benchmarks/fft/run builds it with -c release next to an FFTW driver; not a product.
        .executableTarget(
            name: "FFTBenchmark", dependencies: ["Analytics"], path: "Benchmarks/fft/FFTBenchmark", swiftSettings: swiftSettings),
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
        // Users, role bindings, tokens, sessions and setup state in security.sqlite, and the SecurityService
        // actor that combines them with the pure core, a clock and the audit log (docs/security.md).
        .target(
            name: "SecurityStore",
            dependencies: [
                "MillraceCore", "MillraceSecurity",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: swiftSettings
        ),
        // HTTP authentication: the request context carrying the principal, the auth middleware (401, CSRF,
        // security headers, body limit) and the /api/v1/auth routes (docs/adr/0015-api-authentication.md).
        .target(
            name: "APIAuth",
            dependencies: [
                "MillraceCore", "MillraceSecurity", "SecurityStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: swiftSettings
        ),
        // TLS material: the self-signed certificate of first start, the plant's own, the server configuration.
        .target(
            name: "MillraceTLS",
            dependencies: [
                "MillraceCore",
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
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
        // Events the platform keeps about assets (condition-monitoring findings, anomalies): the `EventStore`
        // protocol and its SQLite table `events`.
        .target(
            name: "Events",
            dependencies: ["MillraceCore", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        // The PostgreSQL historian for central deployments: the same chunks, in PostgreSQL (ADR 0010).
        .target(
            name: "HistorianPostgres",
            dependencies: [
                "Historian", "HistorianCore", "MillraceCore",
                .product(name: "PostgresNIO", package: "postgres-nio"),
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
        // The web UI: HTML, CSS, JavaScript and SVG as string literals, no dependencies (ADR 0012).
        .target(name: "WebUI", swiftSettings: swiftSettings),
        // HTTP API; serves the web UI.
        .target(
            name: "API",
            dependencies: [
                "MillraceCore", "Historian", "HistorianCore", "Collector", "MillraceConfiguration", "WebUI", "Events",
                "APIAuth", "MillraceSecurity", "SecurityStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // Wiring only: typed configuration -> services -> service group.
        .target(
            name: "MillraceApp",
            dependencies: [
                "MillraceCore", "MillraceConfiguration", "Historian", "HistorianCore", "HistorianPostgres", "Collector", "Simulator", "API",
                "ModbusCore", "ModbusNIO", "Analytics", "Events", "APIAuth", "MillraceSecurity", "SecurityStore", "MillraceTLS",
                .product(name: "HummingbirdTLS", package: "hummingbird"),
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
                "MillraceSecurity", "SecurityStore",
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
            name: "HistorianPostgresTests",
            dependencies: [
                "HistorianPostgres", "Historian", "HistorianCore", "MillraceCore", "MillraceTestSupport",
                .product(name: "Logging", package: "swift-log"),
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
                "Analytics", "Events", "MillraceTestSupport", "MillraceSecurity", "MillraceTLS",
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
            name: "SecurityStoreTests",
            dependencies: [
                "SecurityStore", "MillraceSecurity", "MillraceCore", "MillraceTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "APIAuthTests",
            dependencies: [
                "APIAuth", "SecurityStore", "MillraceSecurity", "MillraceCore", "MillraceTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "MillraceTLSTests",
            dependencies: [
                "MillraceTLS", "MillraceCore", "MillraceTestSupport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
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
            name: "EventsTests",
            dependencies: ["Events", "MillraceCore", "MillraceTestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["Fixtures"],
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
                "API", "Historian", "Collector", "Events", "MillraceCore", "MillraceConfiguration", "MillraceTestSupport", "WebUI",
                "APIAuth", "MillraceSecurity", "SecurityStore",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "WebUITests", dependencies: ["WebUI"], swiftSettings: swiftSettings),
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
