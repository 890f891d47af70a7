import Collector
import Events
import Historian
import MillraceConfiguration
import MillraceCore
import SecurityStore

/// What the routes need from the rest of the platform, passed in by the wiring.
public struct APIEnvironment: Sendable {
    public var store: any HistorianStore
    public var clock: any WallClock
    public var version: String
    public var startedAt: Timestamp
    public var enterprise: String
    /// Users, sessions and tokens: every route but health and login asks it who the request acts as.
    public var security: SecurityService
    /// Whether the listener speaks TLS (HSTS, `Secure` cookies).
    public var tls: Bool
    /// The platform's own metrics in the Prometheus text format, for `GET /metrics`.
    public var metricsText: @Sendable () -> String
    /// The plant simulator's fault ground truth as CSV, when the built-in plant runs.
    public var groundTruthCSV: (@Sendable () -> String)?
    /// The plant hierarchy and asset configuration (`/api/v1/assets`); without it the asset tree is empty.
    public var configuration: MillraceConfiguration? {
        didSet { plant = PlantDirectory(configuration: configuration) }
    }
    /// The state of every connection (`/api/v1/connections`).
    public var connections: ConnectionStatusRegistry
    /// The live bus that `/api/v1/stream` subscribes to.
    public var live: LiveSampleBroadcast
    /// Condition-monitoring findings and anomalies (`/api/v1/events`, the asset page's findings); none when nil.
    public var events: (any EventStore)?
    /// Writes to devices (`POST /api/v1/tags/{id}/write`); none when nil: no tag can be written.
    public var deviceWriter: (any DeviceWriter)?
    /// Pacing and bounds of the live stream.
    public var stream: LiveStreamSettings = .init()
    /// The hierarchy, indexed once.
    private(set) var plant: PlantDirectory

    public init(
        store: any HistorianStore, clock: any WallClock, version: String, enterprise: String,
        security: SecurityService, tls: Bool = false,
        metricsText: @escaping @Sendable () -> String = { "# no metrics backend is configured\n" },
        groundTruthCSV: (@Sendable () -> String)? = nil, configuration: MillraceConfiguration? = nil,
        connections: ConnectionStatusRegistry = .init(), live: LiveSampleBroadcast = .init()
    ) {
        self.groundTruthCSV = groundTruthCSV
        self.metricsText = metricsText
        self.store = store
        self.clock = clock
        self.version = version
        self.enterprise = enterprise
        self.security = security
        self.tls = tls
        self.startedAt = clock.now()
        self.configuration = configuration
        self.connections = connections
        self.live = live
        self.plant = PlantDirectory(configuration: configuration)
    }
}

/// How the live stream (`GET /api/v1/stream`) paces and bounds each client.
public struct LiveStreamSettings: Hashable, Sendable {
    /// The shortest time between two `samples` events of one client (samples arriving meanwhile are batched).
    public var minimumInterval: Duration = .milliseconds(100)
    /// How often a `: keepalive` comment is sent when nothing else is.
    public var keepaliveInterval: Duration = .seconds(15)
    /// The most samples held for one client that does not read; beyond it the oldest are dropped.
    public var bufferCapacity = 10_000
    public init() {}
}
