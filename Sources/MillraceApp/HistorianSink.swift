import Collector
import Historian
import MillraceCore
import ServiceLifecycle
import Logging

/// The collector's last stage: appends batches to the historian.
struct HistorianSink: SampleSink {
    let store: any HistorianStore
    func write(_ batch: [TaggedSample]) async throws {
        try await store.append(batch)
    }
}

/// Owns the historian's lifetime: waits for shutdown, then closes the store after every producer has stopped
/// (it is the first service of the group, so the group stops it last).
struct HistorianService: Service {
    let store: any HistorianStore
    let logger: Logger

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try await store.close()
        } catch {
            logger.error("historian did not close cleanly", metadata: ["error": "\(error)"])
            throw error
        }
    }
}
