import MillraceCore
import Synchronization

/// The status of every connection, updated by the inputs and read by the API. Registration order is kept,
/// so the connections page lists them as the configuration does. Events for unknown ids are ignored.
public final class ConnectionStatusRegistry: Sendable {
    private struct State {
        var order: [String] = []
        var statuses: [String: ConnectionStatus] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Adds a connection, or replaces the one with the same id.
    public func register(_ status: ConnectionStatus) {
        state.withLock { state in
            if state.statuses[status.id] == nil { state.order.append(status.id) }
            state.statuses[status.id] = status
        }
    }

    public func record(_ event: ConnectionStatus.Event, for id: String) {
        state.withLock { state in state.statuses[id]?.record(event) }
    }

    /// The status of one connection.
    public func status(of id: String) -> ConnectionStatus? {
        state.withLock { $0.statuses[id] }
    }

    /// Every connection, in registration order.
    public var snapshot: [ConnectionStatus] {
        state.withLock { state in state.order.compactMap { state.statuses[$0] } }
    }
}

/// Passes batches on to `downstream` and reports each to the registry as delivered by `connection`.
struct StatusReportingSink: SampleSink {
    let downstream: any SampleSink
    let registry: ConnectionStatusRegistry
    let connection: String
    let clock: any WallClock

    func write(_ batch: [TaggedSample]) async throws {
        let usable = batch.reduce(0) { $0 + ($1.sample.quality.isBad ? 0 : 1) }
        let failure = usable < batch.count ? Self.failureText(batch) : nil
        registry.record(.batchDelivered(count: batch.count, usable: usable, failure: failure, at: clock.now()), for: connection)
        try await downstream.write(batch)
    }

    /// "3 of 12 tags bad: bad:communicationFailure" — the first bad quality names the cause.
    static func failureText(_ batch: [TaggedSample]) -> String? {
        let bad = batch.filter { $0.sample.quality.isBad }
        guard let first = bad.first else { return nil }
        return "\(bad.count) of \(batch.count) tags read bad: \(first.sample.quality)"
    }
}
