import API
import Collector
import Events
import Foundation
import Historian
import HistorianPostgres
import HistorianCore
import Hummingbird
import HummingbirdTLS
import Logging
import MillraceConfiguration
import MillraceCore
import MillraceSecurity
import MillraceTLS
import SecurityStore
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
    /// Receives the one-time setup token on a fresh installation (no user yet). It belongs on the console of the
    /// person starting Millrace, never in a log file.
    public var onSetupToken: @Sendable (String) -> Void = { _ in }
    /// PBKDF2 iterations for passwords set through this server (tests lower it; production keeps the default).
    public var passwordIterations = PasswordHasher.recommendedIterations

    /// Where the dashboard and API listen, once they do.
    public struct Listening: Sendable {
        public var host: String
        public var port: Int
        public var tls: Bool
        /// SHA-256 of the certificate, to compare with what the browser shows (TLS only).
        public var certificateFingerprint: String?
        /// The certificate file, for clients that pin it (TLS only).
        public var certificatePath: String?
        public var url: String {
            let shown = host == "0.0.0.0" || host == "::" ? "127.0.0.1" : host
            return (tls ? "https" : "http") + "://" + (shown.contains(":") ? "[\(shown)]" : shown) + ":\(port)"
        }
    }

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

    /// Runs until a shutdown signal; `onListening` receives the address actually bound and whether it speaks TLS
    /// (never called in outbound-only mode).
    public func run(onListening: @escaping @Sendable (Listening) async -> Void = { _ in }) async throws {
        let directory = overrides.dataDirectory ?? configuration.storage.directory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ApplicationError("cannot create the data directory '\(directory)': \(error.localizedDescription)")
        }
        let store: any HistorianStore
        var embedded: ChunkedHistorian?
        if let configured = configuration.storage.postgres {
            let url = try openSecret(configured, context: StorageConfiguration.postgresSecretContext, directory: directory)
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
        let writes = DeviceWriteRegistry()
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
                input.writes = writes
                service = InputService(input: input, sink: pipeline, clock: clock, logger: logger)
            }
            service.status = statuses
            services.append(service)
        }

        if configuration.security.outboundOnly {
            logger.notice("outbound-only mode: no HTTP listener; this node accepts no inbound connection (security.outboundOnly)")
        } else {
            services += try await httpServices(
                directory: directory, store: store, events: events, statuses: statuses, live: live, writes: writes,
                onListening: onListening)
        }

        let group = ServiceGroup(
            configuration: .init(
                services: services.map { .init(service: $0) },
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
        try await group.run()
        logger.info("millrace stopped")
    }

    /// The dashboard and API (authentication in front of every route, TLS per `security.tls`, the setup token on a
    /// fresh installation) and the security monitor; the configuration's changes since the last start are audited.
    func httpServices(
        directory: String, store: any HistorianStore, events: any EventStore, statuses: ConnectionStatusRegistry,
        live: LiveSampleBroadcast, writes: DeviceWriteRegistry, onListening: @escaping @Sendable (Listening) async -> Void
    ) async throws -> [any Service] {
        let host = overrides.httpHost ?? configuration.http.host
        let port = overrides.httpPort ?? configuration.http.port
        let policy = configuration.security
        let tls = policy.usesTLS(host: host)
        if !tls, !SecurityConfiguration.isLoopback(host), !policy.allowPlaintextOnNetwork {
            throw ApplicationError(
                "security.tls is off but the dashboard would listen on \(host), reachable from other machines: passwords and "
                    + "sessions would cross the network in clear text. Use tls: auto (the default) or on, listen on 127.0.0.1, "
                    + "or set security.allowPlaintextOnNetwork: true if a TLS proxy in front of Millrace terminates HTTPS.")
        }
        let security: SecurityService
        do {
            security = try SecurityService.open(
                dataDirectory: directory, keyFile: policy.secretKeyFile, clock: clock,
                configuration: SecurityServiceConfiguration(mfaPolicy: try mfaPolicy(), passwordIterations: passwordIterations))
            if let token = try await security.issueSetupTokenIfNeeded() { onSetupToken(token.text) }
            let changed = try await security.recordConfiguration(configurationSections(), by: AuditActor(kind: .system, id: "millrace run"))
            if !changed.isEmpty {
                logger.notice("configuration changes since the last start audited", metadata: ["sections": "\(changed.joined(separator: ", "))"])
            }
        } catch let error as SecurityServiceError {
            throw ApplicationError("cannot open the security files in \(directory): \(error.message)")
        }

        var environment = APIEnvironment(
            store: store, clock: clock, version: version, enterprise: configuration.enterprise, security: security, tls: tls,
            metricsText: metricsText, groundTruthCSV: groundTruthCSV, configuration: configuration, connections: statuses,
            live: live)
        environment.events = events
        let alarms = SecurityAlarms(asset: try AssetPath(configuration.sites.first?.id ?? "plant"))
        var extra: [any Service] = []
        let writable = configuration.resolvedTags.filter { $0.tag.writable }
        if !writable.isEmpty {
            let monitor = ExternalWriteMonitor(
                live: live, tags: Dictionary(writable.map { ($0.tag.id, Optional($0.asset.path)) }, uniquingKeysWith: { first, _ in first }),
                store: events, security: security, alarms: alarms, clock: clock, logger: logger)
            extra.append(monitor)
            environment.deviceWriter = ModbusDeviceWriter(configuration: configuration, registry: writes, monitor: monitor, logger: logger)
        }
        let logger = self.logger
        let router = APIRouter.make(environment: environment)
        let address = BindAddress.hostname(host, port: port)
        guard tls else {
            let monitor = SecurityMonitorService(security: security, store: events, alarms: alarms, clock: clock, logger: logger)
            return extra + [monitor, Application(
                router: router, configuration: .init(address: address, serverName: "millrace"),
                onServerRunning: { channel in
                    let listening = Listening(host: host, port: channel.localAddress?.port ?? port, tls: false)
                    logger.info("HTTP server listening", metadata: ["url": "\(listening.url)"])
                    await onListening(listening)
                },
                logger: logger)]
        }
        let material: TLSMaterial
        let fingerprint: String
        let tlsConfiguration: TLSConfiguration
        do {
            (material, fingerprint, tlsConfiguration) = try Self.prepareTLS(directory: directory, policy: policy, now: clock.now())
        } catch {
            throw ApplicationError("cannot set up TLS: \(error)")
        }
        if let expiry = try? material.expiry(now: clock.now()), expiry.isCloseToExpiry() {
            logger.warning("the TLS certificate is close to expiry", metadata: ["certificate": "\(material.certificatePath)", "expiry": "\(expiry)"])
        }
        let certificatePath = material.certificatePath
        let certificatePEM = material.certificatePEM
        let clock = self.clock
        let monitor = SecurityMonitorService(
            security: security, store: events, alarms: alarms, clock: clock,
            certificate: { (try? CertificateExpiry(certificatePEM: certificatePEM, now: clock.now(), path: certificatePath)).map { ($0, certificatePath) } },
            logger: logger)
        return extra + [monitor, Application(
            router: router, server: try .tls(.http1(), tlsConfiguration: tlsConfiguration),
            configuration: .init(address: address, serverName: "millrace"),
            onServerRunning: { channel in
                let listening = Listening(
                    host: host, port: channel.localAddress?.port ?? port, tls: true, certificateFingerprint: fingerprint,
                    certificatePath: certificatePath)
                logger.info("HTTPS server listening", metadata: ["url": "\(listening.url)", "certificate": "\(certificatePath)"])
                await onListening(listening)
            },
            logger: logger)]
    }

    /// The configuration's top-level sections as canonical JSON, for the audit trail of configuration changes. The
    /// PostgreSQL URL's password is left out.
    func configurationSections() -> [(key: String, text: String)] {
        var redacted = configuration
        if let url = redacted.storage.postgres { redacted.storage.postgres = Self.redacted(url) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func text(_ value: some Encodable) -> String {
            (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "unencodable"
        }
        return [
            ("enterprise", text(redacted.enterprise)), ("sites", text(redacted.sites)), ("connections", text(redacted.connections)),
            ("storage", text(redacted.storage)), ("http", text(redacted.http)), ("historian", text(redacted.historian)),
            ("bearings", text(redacted.bearings)), ("security", text(redacted.security)),
        ]
    }

    /// The certificate (the plant's, or the self-signed one of DATA-DIR/tls, made on first start), its fingerprint and
    /// the server's TLS configuration (TLS 1.2 or newer).
    static func prepareTLS(directory: String, policy: SecurityConfiguration, now: Timestamp) throws(TLSError)
        -> (TLSMaterial, String, TLSConfiguration)
    {
        var configured: (certificate: String, key: String)?
        if let certificate = policy.certificate, let key = policy.privateKey { configured = (certificate, key) }
        let material = try TLSMaterial.loadOrCreate(dataDirectory: directory, configured: configured, now: now)
        return (material, try material.fingerprintSHA256(), try material.serverConfiguration())
    }

    /// A configuration value as written, or opened with the installation's secret key when it is sealed
    /// (`mrsec1:…`, from `millrace secret seal`): secrets at rest in the configuration file.
    func openSecret(_ value: String, context: String, directory: String) throws -> String {
        guard value.hasPrefix(StorageConfiguration.sealedPrefix) else { return value }
        let keyPath = configuration.security.secretKeyFile ?? directory + "/secret.key"
        do {
            return try SecretBoxKeyFile(path: keyPath).load().openString(value, context: context)
        } catch {
            throw ApplicationError(
                "cannot open the sealed value of \(context.replacingOccurrences(of: "config/", with: "")) with the key \(keyPath): \(error.message) "
                    + "(seal it again with `millrace secret seal --context \(context)` using this installation's key)")
        }
    }

    /// The MFA policy of `security.mfa` and `security.mfaScopes`.
    func mfaPolicy() throws -> MFAPolicy {
        let scopes = try configuration.security.mfaScopes.map { try AssetPath($0) }
        switch configuration.security.mfa {
        case .everyone: return MFAPolicy(requiredForEveryone: true, requiredScopes: scopes, requiredFromRole: nil)
        case .none: return MFAPolicy(requiredForEveryone: false, requiredScopes: scopes, requiredFromRole: nil)
        case .`operator`: return MFAPolicy(requiredScopes: scopes, requiredFromRole: .`operator`)
        case .engineer: return MFAPolicy(requiredScopes: scopes, requiredFromRole: .engineer)
        case .admin: return MFAPolicy(requiredScopes: scopes, requiredFromRole: .admin)
        }
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
