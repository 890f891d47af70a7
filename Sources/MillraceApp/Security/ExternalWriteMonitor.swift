import Collector
import Events
import Foundation
import Logging
import MillraceCore
import MillraceSecurity
import SecurityStore
import ServiceLifecycle

/// Watches the writable tags on the live bus with `ExternalWriteDetector` and raises a security alarm (and an audit
/// record) for each change Millrace did not make. `ModbusDeviceWriter` reports Millrace's own writes here first.
public final class ExternalWriteMonitor: Service, @unchecked Sendable {  // the detector is behind the lock
    private let live: LiveSampleBroadcast
    private let tags: [TagID: AssetPath?]
    private let store: any EventStore
    private let security: SecurityService
    private let alarms: SecurityAlarms
    private let clock: any WallClock
    private let logger: Logger
    private let lock = NSLock()
    private var detector: ExternalWriteDetector

    public init(
        live: LiveSampleBroadcast, tags: [TagID: AssetPath?], store: any EventStore, security: SecurityService,
        alarms: SecurityAlarms, clock: any WallClock, logger: Logger
    ) {
        self.live = live
        self.tags = tags
        self.store = store
        self.security = security
        self.alarms = alarms
        self.clock = clock
        self.logger = logger
        detector = ExternalWriteDetector(watching: Set(tags.keys))
    }

    /// Millrace is about to write `value` to `tag`.
    public func ownWrite(_ value: DataValue, to tag: TagID) {
        let now = clock.now()
        lock.withLock { detector.ownWrite(value, to: tag, at: now) }
    }

    public func run() async throws {
        guard !tags.isEmpty else { return }
        let subscription = live.subscribe(tags: Set(tags.keys))
        defer { subscription.cancel() }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                guard await subscription.wait(timeout: .seconds(60)) else { continue }
                for sample in subscription.take().samples {
                    guard let change = self.lock.withLock({ self.detector.observe(sample) }) else { continue }
                    await self.raise(change)
                }
            }
        }
    }

    private func raise(_ change: ExternalWriteDetector.Change) async {
        let event = alarms.externalWrite(change, asset: tags[change.tag] ?? nil, at: clock.now())
        logger.warning("setpoint changed by another master", metadata: ["tag": "\(change.tag)", "title": "\(event.title)"])
        do {
            _ = try await store.append(event)
            try await security.audit(.securityAlert(summary: event.title), by: .system, asset: event.asset)
        } catch {
            logger.error("cannot record an external write", metadata: ["tag": "\(change.tag)", "error": "\(error)"])
        }
    }
}
