import Analytics
import Events
import Logging
import MillraceCore

/// Keeps `FindingHysteresis` decisions as `finding` events: a raise appends an open event, an update revises it
/// (severity history kept by the store), a clear marks it cleared. Shared by the condition monitor and the live
/// anomaly service; remembers which event id is open for which asset and fault.
struct FindingEventKeeper: Sendable {
    var open: [FindingHysteresis.Key: Int64] = [:]

    /// Reads the open findings back from the store (after a restart), calling `mark` for each.
    mutating func load(
        from store: any EventStore, faults: Set<DiagnosedFault>? = nil,
        mark: (AssetPath, DiagnosedFault, FindingSeverity) -> Void
    ) async throws {
        for event in try await store.openEvents(under: nil) where event.kind == .finding {
            guard let id = event.id, let fault = DiagnosedFault(rawValue: event.fault), faults?.contains(fault) ?? true else { continue }
            mark(event.asset, fault, FindingSeverity(rawValue: event.severity) ?? .none)
            open[.init(asset: event.asset.description, fault: fault)] = id
        }
    }

    mutating func apply(_ actions: [FindingHysteresis.Action], store: any EventStore, now: Timestamp, logger: Logger) async {
        for action in actions {
            do {
                switch action {
                case .raise(let finding):
                    let stored = try await store.append(try ConditionMonitorService.event(finding, at: now))
                    open[.init(asset: finding.asset, fault: finding.fault)] = stored.id
                    logger.notice("finding raised", metadata: ["asset": "\(finding.asset)", "fault": "\(finding.fault.rawValue)", "severity": "\(finding.severity.rawValue)"])
                case .update(let finding):
                    guard let id = open[.init(asset: finding.asset, fault: finding.fault)] else { break }
                    let updated = try await store.update(id: id, with: try ConditionMonitorService.revision(finding), at: now)
                    logger.notice(
                        "finding updated",
                        metadata: ["asset": "\(finding.asset)", "fault": "\(finding.fault.rawValue)", "severity": "\(finding.severity.rawValue)", "raisedAs": "\(updated.firstSeverity)"])
                case .clear(let key):
                    if let id = open.removeValue(forKey: key) { try await store.clear(id: id, at: now) }
                    logger.notice("finding cleared", metadata: ["asset": "\(key.asset)", "fault": "\(key.fault.rawValue)"])
                }
            } catch {
                // The monitor's state moves on; a lost write shows in the log, and the next raise or clear of the
                // same key is tried again.
                logger.error("cannot store a condition-monitoring event", metadata: ["error": "\(error)"])
            }
        }
    }
}
