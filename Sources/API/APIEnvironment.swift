import Historian
import MillraceCore

/// What the routes need from the rest of the platform, passed in by the wiring.
public struct APIEnvironment: Sendable {
    public var store: any HistorianStore
    public var clock: any WallClock
    public var version: String
    public var startedAt: Timestamp
    public var enterprise: String
    /// The platform's own metrics in the Prometheus text format, for `GET /metrics`.
    public var metricsText: @Sendable () -> String
    /// The plant simulator's fault ground truth as CSV, when the built-in plant runs.
    public var groundTruthCSV: (@Sendable () -> String)?

    public init(
        store: any HistorianStore, clock: any WallClock, version: String, enterprise: String,
        metricsText: @escaping @Sendable () -> String = { "# no metrics backend is configured\n" },
        groundTruthCSV: (@Sendable () -> String)? = nil
    ) {
        self.groundTruthCSV = groundTruthCSV
        self.metricsText = metricsText
        self.store = store
        self.clock = clock
        self.version = version
        self.enterprise = enterprise
        self.startedAt = clock.now()
    }
}
