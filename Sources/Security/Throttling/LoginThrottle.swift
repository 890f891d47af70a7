import MillraceCore

/// Counts failed logins per user name and per source address and locks either out with exponential
/// back-off: `userFailuresBeforeLockout` consecutive failures lock for `initialLockout`; once locked out,
/// every further failure locks again for twice as long, up to `maximumLockout`. A success clears the
/// user's and the address's counters; a quiet `forgetAfter` forgets them.
///
/// A pure state machine: the caller passes `now`, asks `check` before verifying a password, and reports
/// the outcome with `recordFailure` / `recordSuccess`, which return the `SecurityEvent`s to raise.
/// Unknown user names are counted like known ones, so the throttle does not reveal which accounts exist.
public struct LoginThrottle: Sendable {
    struct Entry: Hashable, Sendable {
        var consecutiveFailures = 0
        var lockouts = 0
        var lockedUntil: Timestamp?
        var lastFailure: Timestamp
    }

    public let configuration: LoginThrottleConfiguration
    private(set) var users: [String: Entry] = [:]
    private(set) var addresses: [String: Entry] = [:]
    private var recentFailures: [Timestamp] = []
    private var lastBurstEvent: Timestamp?

    public init(configuration: LoginThrottleConfiguration = LoginThrottleConfiguration()) {
        self.configuration = configuration
    }

    /// Whether an attempt for `username` from `address` may be checked now.
    public func check(username: String, address: String, now: Timestamp) -> LoginThrottleDecision {
        let user = Self.normalize(username)
        if let until = users[user]?.lockedUntil, until > now {
            return .lockedOut(subject: .user(user), until: until, retryAfter: until - now)
        }
        if let until = addresses[address]?.lockedUntil, until > now {
            return .lockedOut(subject: .address(address), until: until, retryAfter: until - now)
        }
        return .allowed
    }

    /// Records a failed attempt (wrong password, unknown user, wrong second factor).
    public mutating func recordFailure(username: String, address: String, now: Timestamp) -> [SecurityEvent] {
        forgetStale(now: now)
        var events: [SecurityEvent] = []
        let user = Self.normalize(username)
        if let lock = Self.fail(
            &users[user, default: Entry(lastFailure: now)], now: now,
            threshold: configuration.userFailuresBeforeLockout, configuration: configuration)
        {
            events.append(
                .userLockedOut(username: user, until: lock.until, failures: lock.failures, lockoutNumber: lock.number))
        }
        if let lock = Self.fail(
            &addresses[address, default: Entry(lastFailure: now)], now: now,
            threshold: configuration.addressFailuresBeforeLockout, configuration: configuration)
        {
            events.append(
                .addressLockedOut(
                    address: address, until: lock.until, failures: lock.failures, lockoutNumber: lock.number))
        }
        recentFailures.append(now)
        recentFailures.removeAll { now - $0 >= configuration.burstWindow }
        if recentFailures.count >= configuration.burstThreshold,
            lastBurstEvent.map({ now - $0 >= configuration.burstWindow }) ?? true
        {
            lastBurstEvent = now
            events.append(.failedLoginBurst(failures: recentFailures.count, window: configuration.burstWindow, at: now))
        }
        return events
    }

    /// Records a successful login: the user's and the address's counters start over.
    public mutating func recordSuccess(username: String, address: String, now: Timestamp) {
        users[Self.normalize(username)] = nil
        addresses[address] = nil
    }

    /// The lockout applied by one failure, if any.
    private static func fail(
        _ entry: inout Entry, now: Timestamp, threshold: Int, configuration: LoginThrottleConfiguration
    )
        -> (until: Timestamp, failures: Int, number: Int)?
    {
        entry.consecutiveFailures += 1
        entry.lastFailure = now
        // Already locked out once: every further failure locks again (exponential back-off).
        guard entry.consecutiveFailures >= threshold || entry.lockouts > 0 else { return nil }
        if let until = entry.lockedUntil, until > now { return nil }  // an attempt the caller should have refused
        entry.lockouts += 1
        let until = now + lockoutDuration(number: entry.lockouts, configuration: configuration)
        entry.lockedUntil = until
        return (until, entry.consecutiveFailures, entry.lockouts)
    }

    /// `initialLockout × 2^(number-1)`, capped at `maximumLockout`.
    static func lockoutDuration(number: Int, configuration: LoginThrottleConfiguration) -> Duration {
        var duration = configuration.initialLockout
        var remaining = number - 1
        while remaining > 0, duration < configuration.maximumLockout {
            duration = duration * 2
            remaining -= 1
        }
        return min(duration, configuration.maximumLockout)
    }

    private mutating func forgetStale(now: Timestamp) {
        let forgetAfter = configuration.forgetAfter
        func isStale(_ entry: Entry) -> Bool {
            now - entry.lastFailure >= forgetAfter && (entry.lockedUntil.map { $0 <= now } ?? true)
        }
        users = users.filter { !isStale($0.value) }
        addresses = addresses.filter { !isStale($0.value) }
        // Bounded memory: beyond the limit, drop the entries whose last failure is oldest.
        let excess = users.count + addresses.count - configuration.maximumTrackedKeys
        if excess > 0 {
            let oldest =
                (users.map { ($0.value.lastFailure, true, $0.key) }
                + addresses.map { ($0.value.lastFailure, false, $0.key) })
                .sorted { $0.0 < $1.0 }.prefix(excess)
            for (_, isUser, key) in oldest {
                if isUser { users[key] = nil } else { addresses[key] = nil }
            }
        }
    }

    static func normalize(_ username: String) -> String { username.lowercased() }
}
