import MillraceCore

extension SetupToken {
    /// Rebuilds the stored token state (the `SecurityStore` reading its row); new tokens come from `generate`.
    public static func restored(tokenHash: String, createdAt: Timestamp, expiresAt: Timestamp, usedAt: Timestamp?) -> SetupToken {
        SetupToken(tokenHash: tokenHash, createdAt: createdAt, expiresAt: expiresAt, usedAt: usedAt)
    }
}
