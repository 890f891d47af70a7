import Historian
import MillraceCore

/// What the routes need from the rest of the platform, passed in by the wiring.
public struct APIEnvironment: Sendable {
    public var store: any HistorianStore
    public var clock: any WallClock
    public var version: String
    public var startedAt: Timestamp
    public var enterprise: String

    public init(store: any HistorianStore, clock: any WallClock, version: String, enterprise: String) {
        self.store = store
        self.clock = clock
        self.version = version
        self.enterprise = enterprise
        self.startedAt = clock.now()
    }
}
