import Logging
import Metrics
import MillraceCore
import Synchronization

/// The collector's spine: filters each batch through the deadband and the per-tag compression (off unless
/// configured), then hands it to the downstream sink
/// (the historian). Inputs await `write`, so a slow store slows the inputs instead of growing a queue:
/// nothing is dropped, and the bound on memory is one batch per input. Once stored, a batch is published on
/// the live bus (`live`), which never waits.
public final class IngestPipeline: SampleSink {
    private let downstream: any SampleSink
    private let live: LiveSampleBroadcast?
    private let filter: Mutex<DeadbandFilter>
    private let compression: Mutex<CompressionFilter>
    private let totals = Mutex(Counters())
    private let logger: Logger
    private let received = Counter(label: "millrace_samples_received_total")
    private let stored = Counter(label: "millrace_samples_stored_total")
    private let failed = Counter(label: "millrace_ingest_failed_batches_total")

    /// Totals since start, for health and metrics.
    public struct Counters: Hashable, Sendable {
        public var received = 0
        public var stored = 0
        public var failedBatches = 0
    }

    public init(
        filter: DeadbandFilter, compression: CompressionFilter = CompressionFilter(), downstream: any SampleSink,
        live: LiveSampleBroadcast? = nil, logger: Logger
    ) {
        self.filter = Mutex(filter)
        self.compression = Mutex(compression)
        self.live = live
        self.downstream = downstream
        self.logger = logger
    }

    public var counters: Counters { totals.withLock { $0 } }

    public func write(_ batch: [TaggedSample]) async throws {
        let passed = filter.withLock { $0.filter(batch) }
        let kept = compression.withLock { $0.filter(passed) }
        totals.withLock { $0.received += batch.count }
        received.increment(by: batch.count)
        try await store(kept)
    }

    /// Stores the samples the compression holds back (call at shutdown, before the store closes).
    public func flush() async throws {
        try await store(compression.withLock { $0.flush() })
    }

    private func store(_ kept: [TaggedSample]) async throws {
        guard !kept.isEmpty else { return }
        do {
            try await downstream.write(kept)
            totals.withLock { $0.stored += kept.count }
            stored.increment(by: kept.count)
            live?.publish(kept)
        } catch {
            totals.withLock { $0.failedBatches += 1 }
            failed.increment()
            logger.error("cannot store a batch", metadata: ["samples": "\(kept.count)", "error": "\(error)"])
            throw error
        }
    }
}
