import Foundation
import GRDB
import HistorianCore
import MillraceCore

extension ChunkedHistorian {
    /// Drops data older than each tag's retention horizon, relative to `now` (from the caller's clock):
    /// whole sealed chunks whose newest sample is older than the raw horizon (a chunk straddling the horizon
    /// is kept whole), and rollup buckets that ended before their resolution's horizon. The head chunk and
    /// current values are never dropped. Rollups outlive raw data by design (the configuration requires
    /// coarser data to be kept at least as long as finer data).
    @discardableResult
    public func applyRetention(_ policy: RetentionPolicy, now: Timestamp) async throws(HistorianError) -> RetentionReport {
        try checkOpen()
        var report = RetentionReport()
        let plan = tags.values.map { state in (state.id, policy.retentionClass(of: state.metadata.id)) }
        do {
            report = try await pool.write { db in
                var report = RetentionReport()
                for (tagID, retention) in plan {
                    if let raw = retention.raw {
                        let horizon = (now - raw).microseconds
                        let row = try Row.fetchOne(
                            db, sql: "SELECT COUNT(*) AS n, COALESCE(SUM(count), 0) AS samples FROM chunk WHERE tag = ? AND sealed = 1 AND end < ?",
                            arguments: [tagID, horizon])
                        report.chunks += row?["n"] ?? 0
                        report.samples += row?["samples"] ?? 0
                        try db.execute(sql: "DELETE FROM chunk WHERE tag = ? AND sealed = 1 AND end < ?", arguments: [tagID, horizon])
                    }
                    for (resolution, keep) in retention.rollups {
                        let horizon = (now - keep).microseconds - resolution.microseconds
                        try db.execute(
                            sql: "DELETE FROM rollup WHERE tag = ? AND resolution = ? AND start <= ?",
                            arguments: [tagID, resolution.rawValue, horizon])
                        report.rollupRows += db.changesCount
                    }
                }
                return report
            }
        } catch {
            throw HistorianError(.storage, "cannot apply retention: \(error)")
        }
        for (tagID, _) in plan {
            if let tag = names[tagID] { tags[tag]?.lastSealedEnd = try lastSealedEnd(of: tagID) }
        }
        if report.chunks > 0 || report.rollupRows > 0 {
            logger.info(
                "retention dropped old data",
                metadata: ["chunks": "\(report.chunks)", "samples": "\(report.samples)", "rollupRows": "\(report.rollupRows)"])
        }
        return report
    }

    /// Stored rollup buckets per resolution (after writing pending ones).
    public func rollupStatistics() async throws(HistorianError) -> [RollupResolution: Int] {
        try checkOpen()
        try flushRollups()
        do {
            return try await pool.read { db in
                var result: [RollupResolution: Int] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT resolution, COUNT(*) AS n FROM rollup GROUP BY resolution") {
                    if let resolution = RollupResolution(rawValue: row["resolution"]) { result[resolution] = row["n"] }
                }
                return result
            }
        } catch {
            throw HistorianError(.storage, "cannot count rollups: \(error)")
        }
    }
}

/// Runs the retention pass every `interval` of `clock` time until cancelled. Failures are logged and the
/// pass is tried again at the next interval.
public struct RetentionRunner: Sendable {
    public var store: ChunkedHistorian
    public var policy: RetentionPolicy
    public var interval: Duration
    public var clock: any WallClock

    public init(store: ChunkedHistorian, policy: RetentionPolicy, interval: Duration, clock: any WallClock) {
        self.store = store
        self.policy = policy
        self.interval = interval
        self.clock = clock
    }

    /// One pass now, then one per interval; returns when the task is cancelled.
    public func run(onPass: @Sendable (Result<RetentionReport, HistorianError>) async -> Void = { _ in }) async {
        while !Task.isCancelled {
            do {
                let report = try await store.applyRetention(policy, now: clock.now())
                await onPass(.success(report))
            } catch {
                await onPass(.failure(error))
            }
            do { try await clock.sleep(for: interval) } catch { return }
        }
    }
}
