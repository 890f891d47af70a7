import API
import Collector
import Events
import Foundation
import Historian
import HistorianPostgres
import HistorianCore
import Hummingbird
import Logging
import MillraceConfiguration
import MillraceCore
import ServiceLifecycle

/// Turns a validated configuration into running services and runs them until SIGINT or SIGTERM.
public struct MillraceApplication: Sendable {
    /// Command-line overrides of the configuration.
    public struct Overrides: Sendable {
        public var dataDirectory: String?
        public var httpHost: String?
        public var httpPort: Int?
        public init(dataDirectory: String? = nil, httpHost: String? = nil, httpPort: Int? = nil) {
            self.dataDirectory = dataDirectory
            self.httpHost = httpHost
            self.httpPort = httpPort
        }
    }

    public var configuration: MillraceConfiguration
    public var overrides: Overrides
    public var version: String
    public var clock: any WallClock
    public var logger: Logger
    /// Services that run alongside the platform (the built-in plant simulator), stopped after the inputs.
    public var extraServices: [any Service] = []
    /// The simulator's fault ground truth as CSV, when the built-in plant runs.
    public var groundTruthCSV: (@Sendable () -> String)?
    /// Live vibration blocks (the built-in plant simulator): when set, the condition monitor runs on them and keeps
    /// its findings in `events.sqlite` in the data directory.
    public var vibrationSource: (any VibrationBlockSource)?
    /// The assets the live anomaly monitor watches (tags, mode tag, motor thermal inputs); empty: none.
    public var anomalyProfiles: [AssetPath: LiveAnomalyProfile] = [:]
    /// The live anomaly monitor's training window and rules.
    public var anomalyConfiguration = LiveAnomalyMonitor.Configuration()
    /// Renders the metrics registry for `GET /metrics`.
    public var metricsText: @Sendable () -> String = { "# no metrics backend is configured\n" }

    public init(
        configuration: MillraceConfiguration, overrides: Overrides = .init(), version: String,
        clock: any WallClock = SystemWallClock(), logger: Logger
    ) {
        self.configuration = configuration
        self.overrides = overrides
        self.version = version
        self.clock = clock
        self.logger = logger
    }

    /// Runs until a shutdown signal; `onListening` receives the HTTP port actually bound.
    public func run(onListening: @escaping @Sendable (String, Int) async -> Void = { _, _ in }) async throws {
        let directory = overrides.dataDirectory ?? configuration.storage.directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ApplicationError("cannot create the data directory '\(directory)': \(error.localizedDescription)")
        }
        let store: any HistorianStore
        var embedded: ChunkedHistorian?
        if let url = configuration.storage.postgres {
            var options = PostgresHistorian.Options()
            options.sync = configuration.storage.sync == .full ? .full : .normal
            store = try await PostgresHistorian.connect(url: url, options: options, logger: logger)
            logger.info("historian in PostgreSQL", metadata: ["url": "\(Self.redacted(url))"])
            if !configuration.historian.retentionClasses.isEmpty {
                logger.warning("historian.retentionClasses are applied by the embedded store only; PostgreSQL keeps everything (ADR 0010)")
            }
        } else {
            var options = ChunkedHistorian.Options()
            options.sync = configuration.storage.sync == .full ? .full : .normal
            let chunked = try await ChunkedHistorian.open(directory: directory, options: options, logger: logger)
            embedded = chunked
            store = chunked
        }
        try await store.register(tags: configuration.tagMetadata)

        let compression: CompressionFilter
        do {
            compression = try CompressionFilter(settings: compressionSettings())
        } catch {
            throw ApplicationError("invalid historian compression setting: \(error.reason)")
        }
        let live = LiveSampleBroadcast()
        let pipeline = IngestPipeline(
            filter: DeadbandFilter(settings: deadbandSettings()), compression: compression,
            downstream: HistorianSink(store: store), live: live, logger: logger)

        let statuses = ConnectionStatusRegistry()
        var services: [any Service] =
            [HistorianService(store: store, logger: logger, beforeClose: { try await pipeline.flush() })] + extraServices
        if let embedded {
            let retention = RetentionRunner(
                store: embedded, policy: retentionPolicy(), interval: configuration.historian.retentionInterval.duration, clock: clock)
            services.append(RetentionService(runner: retention, logger: logger))
        }
        let events = try SQLiteEventStore(path: directory + "/events.sqlite")
        if let vibrationSource {
            services.append(ConditionMonitorService(source: vibrationSource, store: events, clock: clock, logger: logger))
        }
        if !anomalyProfiles.isEmpty {
            services.append(
                LiveAnomalyService(
                    live: live, store: events, clock: clock, profiles: anomalyProfiles, configuration: anomalyConfiguration,
                    logger: logger))
        }
        for connection in configuration.connections {
            let tags = configuration.resolvedTags.map(\.tag).filter { $0.connection == connection.id }
            statuses.register(Self.initialStatus(of: connection, tagCount: tags.count))
            guard connection.enabled, !tags.isEmpty else { continue }
            var service: InputService
            switch connection.type {
            case .simulator:
                let input = SimulatorInput(connection: connection, tags: tags, clock: clock)
                service = InputService(input: input, sink: pipeline, clock: clock, logger: logger)
            case .modbusTCP, .modbusRTUOverTCP:
                var input = try ModbusInput(connection: connection, tags: tags, clock: clock, logger: logger)
                input.status = statuses
                service = InputService(input: input, sink: pipeline, clock: clock, logger: logger)
            }
            service.status = statuses
            services.append(service)
        }

        let host = overrides.httpHost ?? configuration.http.host
        let port = overrides.httpPort ?? configuration.http.port
        var environment = APIEnvironment(
            store: store, clock: clock, version: version, enterprise: configuration.enterprise, metricsText: metricsText,
            groundTruthCSV: groundTruthCSV, configuration: configuration, connections: statuses, live: live)
        environment.events = events
        let logger = self.logger
        let app = Application(
            router: APIRouter.make(environment: environment),
            configuration: .init(address: .hostname(host, port: port), serverName: "millrace"),
            onServerRunning: { channel in
                let bound = channel.localAddress?.port ?? port
                logger.info("HTTP server listening", metadata: ["url": "http://\(host):\(bound)"])
                await onListening(host, bound)
            },
            logger: logger)
        services.append(app)

        let group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
        logger.info("millrace stopped")
    }

    /// A connection as the connections page shows it before its input has run.
    static func initialStatus(of connection: ConnectionConfiguration, tagCount: Int) -> ConnectionStatus {
        let endpoint =
            switch connection.type {
            case .simulator: "in-process (model \(connection.model?.rawValue ?? "motor"))"
            case .modbusTCP, .modbusRTUOverTCP: "\(connection.host ?? "127.0.0.1"):\(connection.port) unit \(connection.unitId)"
            }
        let state: ConnectionStatus.State = !connection.enabled ? .disabled : tagCount == 0 ? .disconnected : .connecting
        return ConnectionStatus(
            id: connection.id, name: connection.name, protocol: connection.type.rawValue, endpoint: endpoint, state: state,
            tagCount: tagCount)
    }

    /// A connection URL without its password, for logs.
    static func redacted(_ url: String) -> String {
        guard let at = url.firstIndex(of: "@"), let scheme = url.range(of: "://"), scheme.upperBound < at else { return url }
        let credentials = url[scheme.upperBound..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }

    /// Per-tag compression from `historian.tags` (tags without a setting are stored losslessly).
    public func compressionSettings() -> [TagID: CompressionFilter.Setting] {
        var settings: [TagID: CompressionFilter.Setting] = [:]
        for tag in configuration.historian.tags {
            switch tag.compression {
            case .none: break
            case .exception: settings[tag.tag] = .exception(deviation: tag.deviation, maxTime: tag.maxTime.duration)
            case .swingingDoor: settings[tag.tag] = .swingingDoor(deviation: tag.deviation, maxTime: tag.maxTime.duration)
            }
        }
        return settings
    }

    /// The retention classes and assignments of `historian:` for the store.
    public func retentionPolicy() -> RetentionPolicy {
        let historian = configuration.historian
        let classes = historian.retentionClasses.map { retention in
            var rollups: [RollupResolution: Duration] = [:]
            rollups[.minute] = retention.rollup1m.duration
            rollups[.hour] = retention.rollup1h.duration
            rollups[.day] = retention.rollup1d.duration
            return RetentionPolicy.Class(name: retention.id, raw: retention.raw.duration, rollups: rollups)
        }
        var assignments: [TagID: String] = [:]
        for tag in historian.tags { if let name = tag.retentionClass { assignments[tag.tag] = name } }
        return RetentionPolicy(classes: classes, defaultClass: historian.defaultRetentionClass, assignments: assignments)
    }

    func deadbandSettings() -> [TagID: DeadbandFilter.Setting] {
        Dictionary(
            configuration.resolvedTags.map { tag, _, _ in
                (tag.id, DeadbandFilter.Setting(deadband: tag.deadband, maxInterval: tag.maxInterval.duration))
            }, uniquingKeysWith: { first, _ in first })
    }
}

/// A failure to start, with a message a person can act on.
public struct ApplicationError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
