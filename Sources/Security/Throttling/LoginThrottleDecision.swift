import MillraceCore

/// Whether a login attempt may proceed to password verification.
public enum LoginThrottleDecision: Hashable, Sendable {
    case allowed
    /// Refused without checking the password until `until`; `retryAfter` feeds HTTP 429's `Retry-After`.
    case lockedOut(subject: LoginThrottleSubject, until: Timestamp, retryAfter: Duration)

    public var isAllowed: Bool { self == .allowed }
}
