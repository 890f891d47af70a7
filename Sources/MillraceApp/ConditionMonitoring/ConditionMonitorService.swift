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
        var open: [FindingHysteresis.Key: Int64] = [:]
        for event in try await store.openEvents(under: nil) where event.kind == .finding {
            guard let id = event.id, let fault = DiagnosedFault(rawValue: event.fault) else { continue }
            monitor.markOpen(asset: event.asset, fault: fault, severity: FindingSeverity(rawValue: event.severity) ?? .none)
            open[.init(asset: event.asset.description, fault: fault)] = id
        }
        logger.info("condition monitor running", metadata: ["interval": "\(interval)", "openFindings": "\(open.count)"])
        let (initialMonitor, initialOpen) = (monitor, open)
        await cancelWhenGracefulShutdown {
            await self.loop(monitor: initialMonitor, open: initialOpen)
        }
        logger.info("condition monitor stopped")
    }

    private func loop(monitor: ConditionMonitor, open: [FindingHysteresis.Key: Int64]) async {
        var monitor = monitor
        var open = open
        while !Task.isCancelled {
            do { try await clock.sleep(for: interval) } catch { return }
            let outcome = monitor.process(await source.vibrationBlocks())
            for (asset, reason) in outcome.skipped {
                logger.warning("vibration block skipped", metadata: ["asset": "\(asset)", "reason": "\(reason)"])
            }
            for action in outcome.actions {
                do {
                    switch action {
                    case .raise(let finding):
                        let stored = try await store.append(try Self.event(finding, at: clock.now()))
                        open[.init(asset: finding.asset, fault: finding.fault)] = stored.id
                        logger.notice("finding raised", metadata: ["asset": "\(finding.asset)", "fault": "\(finding.fault.rawValue)", "severity": "\(finding.severity.rawValue)"])
                    case .update(let finding):
                        guard let id = open[.init(asset: finding.asset, fault: finding.fault)] else { break }
                        let updated = try await store.update(id: id, with: try Self.revision(finding), at: clock.now())
                        logger.notice("finding updated", metadata: ["asset": "\(finding.asset)", "fault": "\(finding.fault.rawValue)", "severity": "\(finding.severity.rawValue)", "raisedAs": "\(updated.firstSeverity)"])
                    case .clear(let key):
                        if let id = open.removeValue(forKey: key) { try await store.clear(id: id, at: clock.now()) }
                        logger.notice("finding cleared", metadata: ["asset": "\(key.asset)", "fault": "\(key.fault.rawValue)"])
                    }
                } catch {
                    // The monitor's state moves on; a lost write shows in the log, and the next raise or clear
                    // of the same key is tried again.
                    logger.error("cannot store a condition-monitoring event", metadata: ["error": "\(error)"])
                }
            }
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
