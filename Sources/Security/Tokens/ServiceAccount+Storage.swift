import MillraceCore

extension ServiceAccount {
    /// Rebuilds a stored record (the `SecurityStore` reading its row); new accounts come from `create`.
    public static func restored(
        name: String, bindings: [RoleBinding], tokenHash: String, createdAt: Timestamp, expiresAt: Timestamp?,
        disabled: Bool
    ) -> ServiceAccount {
        ServiceAccount(name: name, bindings: bindings, tokenHash: tokenHash, createdAt: createdAt, expiresAt: expiresAt, disabled: disabled)
    }
}
