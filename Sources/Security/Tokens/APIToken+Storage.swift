import MillraceCore

extension APIToken {
    /// Rebuilds a stored record (the `SecurityStore` reading its row); new tokens come from `issue`.
    public static func restored(
        name: String, owner: String, tokenHash: String, scopes: Set<Permission>, createdAt: Timestamp,
        expiresAt: Timestamp, revokedAt: Timestamp?
    ) -> APIToken {
        APIToken(name: name, owner: owner, tokenHash: tokenHash, scopes: scopes, createdAt: createdAt, expiresAt: expiresAt, revokedAt: revokedAt)
    }
}
