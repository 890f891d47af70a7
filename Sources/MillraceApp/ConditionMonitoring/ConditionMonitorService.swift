import Analytics
import Events
import Foundation
import Logging
import MillraceCore
import ServiceLifecycle

/// Runs the `ConditionMonitor` on live blocks every `interval` of the clock and keeps its findings as events:
/// a raised finding becomes an open `finding` event, an updated one (its severity moved) revises that event, a
/// cleared one is marked cleared. Open findings already in
/// the store are loaded at start, so a restart never opens a second event for the same asset and fault.
public final class ConditionMonitorService: Service, Sendable {
    private let source: any VibrationBlockSource
    private let store: any EventStore
    private let clock: any WallClock
    private let interval: Duration
    private let configuration: ConditionMonitor.Configuration
    private let logger: Logger

    public init(
        source: any VibrationBlockSource, store: any EventStore, clock: any WallClock, interval: Duration = .seconds(60),
        configuration: ConditionMonitor.Configuration = .init(), logger: Logger
    ) {
        self.source = source
        self.store = store
        self.clock = clock
        self.interval = interval
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        var monitor = ConditionMonitor(configuration: configuration)
        var keeper = FindingEventKeeper()
        // The thermal finding belongs to the live anomaly service (LiveAnomalyService), not to the blocks.
        let faults = Set(DiagnosedFault.allCases).subtracting([.windingOverheating])
        try await keeper.load(from: store, faults: faults) { asset, fault, severity in
            monitor.markOpen(asset: asset, fault: fault, severity: severity)
        }
        logger.info("condition monitor running", metadata: ["interval": "\(interval)", "openFindings": "\(keeper.open.count)"])
        let (initialMonitor, initialKeeper) = (monitor, keeper)
        await cancelWhenGracefulShutdown {
            await self.loop(monitor: initialMonitor, keeper: initialKeeper)
        }
        logger.info("condition monitor stopped")
    }

    private func loop(monitor: ConditionMonitor, keeper: FindingEventKeeper) async {
        var monitor = monitor
        var keeper = keeper
        while !Task.isCancelled {
            do { try await clock.sleep(for: interval) } catch { return }
            let outcome = monitor.process(await source.vibrationBlocks())
            for (asset, reason) in outcome.skipped {
                logger.warning("vibration block skipped", metadata: ["asset": "\(asset)", "reason": "\(reason)"])
            }
            await keeper.apply(outcome.actions, store: store, now: clock.now(), logger: logger)
        }
    }

    /// The event that keeps a finding: fault, severity, confidence, evidence (JSON), action and the explanation.
    static func event(_ finding: Finding, at time: Timestamp) throws -> Event {
        let asset = try AssetPath(finding.asset)
        let revision = try revision(finding)
        return Event(
            time: time, asset: asset, kind: .finding, fault: finding.fault.rawValue, severity: revision.severity,
            confidence: revision.confidence, title: revision.title, explanation: revision.explanation,
            evidenceJSON: revision.evidenceJSON, recommendedAction: revision.recommendedAction)
    }

    /// What an event shows of a finding: severity, confidence, title, explanation, evidence (JSON) and action.
    static func revision(_ finding: Finding) throws -> EventRevision {
        var title = finding.fault.displayName
        if !finding.location.isEmpty { title += ", \(finding.location)" }
        title += ", \(finding.severity.rawValue)"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let evidence = String(decoding: try encoder.encode(finding.evidence), as: UTF8.self)
        return EventRevision(
            severity: finding.severity.rawValue, confidence: finding.confidence, title: title,
            explanation: finding.explanation, evidenceJSON: evidence, recommendedAction: finding.action)
    }
}
