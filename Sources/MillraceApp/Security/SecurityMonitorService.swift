import Events
import Logging
import MillraceCore
import MillraceSecurity
import MillraceTLS
import SecurityStore
import ServiceLifecycle

/// Raises security alarms as events (`SecurityAlarms`): lockouts and bursts of failed logins as the security service
/// reports them, and the TLS certificate's expiry, checked every `interval`; clears them per the policy.
public final class SecurityMonitorService: Service, Sendable {
    private let security: SecurityService
    private let store: any EventStore
    private let alarms: SecurityAlarms
    private let clock: any WallClock
    private let interval: Duration
    /// The certificate in use and its file, when the listener speaks TLS.
    private let certificate: (@Sendable () -> (expiry: CertificateExpiry, path: String)?)?
    private let logger: Logger

    public init(
        security: SecurityService, store: any EventStore, alarms: SecurityAlarms, clock: any WallClock,
        interval: Duration = .seconds(60), certificate: (@Sendable () -> (expiry: CertificateExpiry, path: String)?)? = nil,
        logger: Logger
    ) {
        self.security = security
        self.store = store
        self.alarms = alarms
        self.clock = clock
        self.interval = interval
        self.certificate = certificate
        self.logger = logger
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask { await self.raiseSecurityEvents() }
                group.addTask { await self.checkPeriodically() }
                await group.waitForAll()
            }
        }
    }

    private func raiseSecurityEvents() async {
        for await securityEvent in security.securityEvents {
            await append(alarms.event(for: securityEvent, at: clock.now()))
        }
    }

    private func checkPeriodically() async {
        while !Task.isCancelled {
            await check()
            do { try await clock.sleep(for: interval) } catch { return }
        }
    }

    /// One round: the certificate's expiry, and clearing alarms whose time is up.
    func check() async {
        do {
            let open = try await store.openEvents(under: nil).filter { $0.kind == .security }
            let current = certificate?()
            let now = clock.now()
            if let current,
                let event = alarms.certificateAlarm(current.expiry, path: current.path, openFaults: Set(open.map(\.fault)), at: now)
            {
                await append(event)
            }
            for id in alarms.toClear(open, certificateDaysLeft: current?.expiry.daysLeft, at: now) {
                try await store.clear(id: id, at: now)
            }
        } catch {
            logger.error("security monitor cannot read or clear alarms", metadata: ["error": "\(error)"])
        }
    }

    private func append(_ event: Event) async {
        do {
            _ = try await store.append(event)
            logger.warning("security alarm", metadata: ["fault": "\(event.fault)", "title": "\(event.title)"])
        } catch {
            logger.error("cannot store a security alarm", metadata: ["title": "\(event.title)", "error": "\(error)"])
        }
    }
}
