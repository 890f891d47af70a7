import MillraceCore

/// The stored side of a browser session: the SHA-256 of the session token, whose it is, and its idle and
/// absolute timeouts (OWASP Session Management Cheat Sheet, "Session Expiration").
///
/// A new session token is issued at every login and privilege change (no session fixation); the
/// token travels in a `Secure; HttpOnly; SameSite=Strict` cookie set by the API layer.
public struct SessionToken: Hashable, Sendable, CustomStringConvertible {
    public var tokenHash: String
    public var username: String
    /// Whether the second factor was verified in this session (MFA enforcement checks this).
    public var mfaVerified: Bool
    public var createdAt: Timestamp
    public var lastSeenAt: Timestamp
    public var idleTimeout: Duration
    public var absoluteTimeout: Duration
    public var revokedAt: Timestamp?

    /// Starts a session; defaults: 30 min idle, 12 h absolute (one control-room shift).
    public static func issue<G: RandomNumberGenerator>(
        username: String, mfaVerified: Bool, now: Timestamp, idleTimeout: Duration = .seconds(30 * 60),
        absoluteTimeout: Duration = .seconds(12 * 3600), using generator: inout G
    ) -> (token: SecretToken, session: SessionToken) {
        let token = SecretToken.generate(.session, using: &generator)
        let session = SessionToken(
            tokenHash: token.hash, username: username, mfaVerified: mfaVerified, createdAt: now, lastSeenAt: now,
            idleTimeout: idleTimeout, absoluteTimeout: absoluteTimeout, revokedAt: nil)
        return (token, session)
    }

    public var expiresAt: Timestamp { createdAt + absoluteTimeout }

    /// Checks a presented token at `now` (does not refresh the idle timer; call `touch`).
    public func validate(_ presented: SecretToken, now: Timestamp) -> TokenValidation {
        guard presented.kind == .session, presented.matches(storedHash: tokenHash) else { return .mismatch }
        if revokedAt != nil { return .revoked }
        if now >= expiresAt { return .expired(at: expiresAt) }
        if now - lastSeenAt >= idleTimeout { return .idle(since: lastSeenAt) }
        return .valid
    }

    /// Records activity, restarting the idle timer.
    public mutating func touch(now: Timestamp) { if now > lastSeenAt { lastSeenAt = now } }

    public var description: String { "SessionToken(\(username), created \(createdAt), hash redacted)" }
}
