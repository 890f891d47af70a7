/// The limits of the `LoginThrottle` (OWASP Authentication Cheat Sheet, "Account lockout";
/// NIST SP 800-63B §5.2.2 "Rate limiting").
public struct LoginThrottleConfiguration: Hashable, Sendable, Codable {
    /// Consecutive failures for one user name before the first lockout.
    public var userFailuresBeforeLockout: Int
    /// Consecutive failures from one source address before it is locked out; higher than the per-user
    /// limit because a plant NAT may put many people behind one address.
    public var addressFailuresBeforeLockout: Int
    /// The first lockout; each further lockout doubles it.
    public var initialLockout: Duration
    /// The longest lockout (a cap, so a legitimate user is never locked out for days).
    public var maximumLockout: Duration
    /// After this long without a failure, a user's or address's history is forgotten.
    public var forgetAfter: Duration
    /// Failures across all users and addresses within `burstWindow` that raise a burst event.
    public var burstThreshold: Int
    public var burstWindow: Duration
    /// The most users plus addresses tracked at once; the oldest are dropped beyond it (bounded memory).
    public var maximumTrackedKeys: Int

    public init(
        userFailuresBeforeLockout: Int = 5, addressFailuresBeforeLockout: Int = 20,
        initialLockout: Duration = .seconds(60), maximumLockout: Duration = .seconds(3600),
        forgetAfter: Duration = .seconds(24 * 3600), burstThreshold: Int = 20, burstWindow: Duration = .seconds(60),
        maximumTrackedKeys: Int = 10_000
    ) {
        self.userFailuresBeforeLockout = userFailuresBeforeLockout
        self.addressFailuresBeforeLockout = addressFailuresBeforeLockout
        self.initialLockout = initialLockout
        self.maximumLockout = maximumLockout
        self.forgetAfter = forgetAfter
        self.burstThreshold = burstThreshold
        self.burstWindow = burstWindow
        self.maximumTrackedKeys = maximumTrackedKeys
    }
}
