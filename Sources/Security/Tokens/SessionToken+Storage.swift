import MillraceCore

extension SessionToken {
    /// Rebuilds a stored session (the `SecurityStore` reading its row); new sessions come from `issue`.
    public static func restored(
        tokenHash: String, username: String, mfaVerified: Bool, createdAt: Timestamp, lastSeenAt: Timestamp,
        idleTimeout: Duration, absoluteTimeout: Duration, revokedAt: Timestamp?
    ) -> SessionToken {
        SessionToken(tokenHash: tokenHash, username: username, mfaVerified: mfaVerified, createdAt: createdAt, lastSeenAt: lastSeenAt, idleTimeout: idleTimeout, absoluteTimeout: absoluteTimeout, revokedAt: revokedAt)
    }
}
