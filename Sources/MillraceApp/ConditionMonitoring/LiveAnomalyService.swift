import Analytics
import Collector
import Events
import Foundation
import Logging
import MillraceCore
import ServiceLifecycle

/// Runs the `LiveAnomalyMonitor` on the live bus: subscribes to the monitored tags, feeds every delivery to the
/// monitor, and keeps what it decides as events — an `anomaly` event per asset (raised, updated, cleared) and
/// the motor thermal `finding`s. Open events already in the store are loaded at start, so a restart never
/// opens a duplicate (the models are retrained from the restart: the training window starts again).
public final class LiveAnomalyService: Service, Sendable {
    private let live: LiveSampleBroadcast
    private let store: any EventStore
    private let clock: any WallClock
    private let profiles: [AssetPath: LiveAnomalyProfile]
    private let configuration: LiveAnomalyMonitor.Configuration
    private let logger: Logger

    public init(
        live: LiveSampleBroadcast, store: any EventStore, clock: any WallClock, profiles: [AssetPath: LiveAnomalyProfile],
        configuration: LiveAnomalyMonitor.Configuration = .init(), logger: Logger
    ) {
        self.live = live
        self.store = store
        self.clock = clock
        self.profiles = profiles
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        var monitor = LiveAnomalyMonitor(profiles: profiles, start: clock.now(), configuration: configuration)
        var keeper = FindingEventKeeper()
        try await keeper.load(from: store, faults: [.windingOverheating]) { asset, fault, severity in
            monitor.markFindingOpen(asset: asset, fault: fault, severity: severity)
        }
        var openAnomalies: [AssetPath: Int64] = [:]
        for event in try await store.openEvents(under: nil) where event.kind == .anomaly && profiles[event.asset] != nil {
            guard let id = event.id else { continue }
            monitor.markAnomalyOpen(event.asset, severity: FindingSeverity(rawValue: event.severity) ?? .low)
            openAnomalies[event.asset] = id
        }
        // Bounded: 8 hours of 10 s rows of every monitored tag would be far more than a slow loop ever leaves.
        let subscription = live.subscribe(tags: monitor.tags, capacity: 100_000)
        logger.info(
            "live anomaly monitor running",
            metadata: ["assets": "\(profiles.count)", "tags": "\(monitor.tags.count)", "trainingEnd": "\(monitor.trainingEnd)"])
        let (initialMonitor, initialKeeper, initialOpen) = (monitor, keeper, openAnomalies)
        await cancelWhenGracefulShutdown {
            await self.loop(subscription, monitor: initialMonitor, keeper: initialKeeper, openAnomalies: initialOpen)
        }
        subscription.cancel()
        logger.info("live anomaly monitor stopped")
    }

    private func loop(
        _ subscription: LiveSubscription, monitor: LiveAnomalyMonitor, keeper: FindingEventKeeper, openAnomalies: [AssetPath: Int64]
    ) async {
        var monitor = monitor
        var keeper = keeper
        var openAnomalies = openAnomalies
        while !Task.isCancelled {
            guard await subscription.wait(timeout: .seconds(5)) else { continue }
            let delivery = subscription.take()
            if delivery.dropped > 0 {
                logger.warning("live anomaly monitor fell behind; samples dropped", metadata: ["dropped": "\(delivery.dropped)"])
            }
            let outcome = monitor.ingest(delivery.samples)
            for (asset, message) in outcome.notes {
                logger.info("\(message)", metadata: ["asset": "\(asset)"])
            }
            let now = clock.now()
            await keeper.apply(outcome.findings, store: store, now: now, logger: logger)
            for action in outcome.anomalies {
                do {
                    switch action {
                    case .raise(let asset, let anomaly, let severity):
                        let stored = try await store.append(try Self.event(anomaly, asset: asset, severity: severity))
                        openAnomalies[asset] = stored.id
                        logger.notice("anomaly raised", metadata: ["asset": "\(asset)", "test": "\(anomaly.kind.rawValue)", "tag": "\(anomaly.primaryTag ?? "")"])
                    case .update(let asset, let anomaly, let severity):
                        guard let id = openAnomalies[asset] else { break }
                        _ = try await store.update(id: id, with: try Self.revision(anomaly, severity: severity), at: anomaly.time)
                    case .clear(let asset):
                        if let id = openAnomalies.removeValue(forKey: asset) { try await store.clear(id: id, at: now) }
                        logger.notice("anomaly cleared", metadata: ["asset": "\(asset)"])
                    }
                } catch {
                    logger.error("cannot store an anomaly event", metadata: ["error": "\(error)"])
                }
            }
        }
    }

    /// The event of an anomaly: raised at the row that raised it, fault = the test, the contributing tags as
    /// evidence.
    static func event(_ anomaly: Anomaly, asset: AssetPath, severity: FindingSeverity) throws -> Event {
        let revision = try revision(anomaly, severity: severity)
        return Event(
            time: anomaly.time, asset: asset, kind: .anomaly, fault: anomaly.kind.rawValue, severity: revision.severity,
            confidence: revision.confidence, title: revision.title, explanation: revision.explanation,
            evidenceJSON: revision.evidenceJSON, recommendedAction: revision.recommendedAction)
    }

    /// "anomaly: motor_winding_temperature 93.0 vs expected 91.4 (80 %) (squared prediction error (SPE/Q)), low".
    static func revision(_ anomaly: Anomaly, severity: FindingSeverity) throws -> EventRevision {
        let tags = anomaly.contributions.map(\.tag)
        var title = "anomaly"
        if let first = anomaly.contributions.first {
            title += ": \(first.summary)"
        }
        title += " (\(anomaly.kind.displayName)), \(severity.rawValue)"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let evidence = String(decoding: try encoder.encode(anomaly.contributions), as: UTF8.self)
        // Confidence: how far past the limit, saturating at 2× (an anomaly at its limit is a coin toss).
        let ratio = anomaly.limit > 0 ? anomaly.statistic / anomaly.limit : 1
        let confidence = min(1, max(0.5, 0.5 * ratio))
        return EventRevision(
            severity: severity.rawValue, confidence: confidence.isFinite ? confidence : 0.5, title: title,
            explanation: anomaly.explanation + ". Not a diagnosis: these tags left the behaviour learned in training.",
            evidenceJSON: evidence,
            recommendedAction: "check \(tags.prefix(3).joined(separator: ", ")) against the process and this asset's findings; retrain if the process was changed on purpose")
    }
}
