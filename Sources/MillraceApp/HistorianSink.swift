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
    /// Runs after every producer stopped and before the store closes (stores samples held by compression).
    var beforeClose: @Sendable () async throws -> Void = {}

    func run() async throws {
        try? await gracefulShutdown()
        do {
            try await beforeClose()
        } catch {
            logger.error("cannot store the samples held back by compression", metadata: ["error": "\(error)"])
        }
        do {
            try await store.close()
        } catch {
            logger.error("historian did not close cleanly", metadata: ["error": "\(error)"])
            throw error
        }
    }
}

/// Runs the historian's retention pass periodically (every `historian.retentionInterval`) until shutdown.
struct RetentionService: Service {
    let runner: RetentionRunner
    let logger: Logger

    func run() async throws {
        let logger = self.logger
        await cancelWhenGracefulShutdown {
            await runner.run { result in
                if case .failure(let error) = result {
                    logger.error("the retention pass failed; it runs again at the next interval", metadata: ["error": "\(error)"])
                }
            }
        }
    }
}
