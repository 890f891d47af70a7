import MillraceCore

/// A non-human identity for an edge node (a gateway that pushes data outbound to the server), with its
/// own role bindings — typically `viewer` on its own site — and a credential
/// stored as a hash. Rotating the credential issues a new token and replaces the hash.
public struct ServiceAccount: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var bindings: [RoleBinding]
    public var tokenHash: String
    public var createdAt: Timestamp
    /// Optional: edge nodes often run unattended for years; rotation is then a deliberate act.
    public var expiresAt: Timestamp?
    public var disabled: Bool

    /// Creates the account and its first credential.
    public static func create<G: RandomNumberGenerator>(
        name: String, bindings: [RoleBinding], now: Timestamp, expiresAt: Timestamp? = nil, using generator: inout G
    ) -> (token: SecretToken, account: ServiceAccount) {
        let token = SecretToken.generate(.serviceAccount, using: &generator)
        return (
            token,
            ServiceAccount(
                name: name, bindings: bindings, tokenHash: token.hash, createdAt: now, expiresAt: expiresAt,
                disabled: false)
        )
    }

    /// Replaces the credential; the old token stops working at once.
    public mutating func rotate<G: RandomNumberGenerator>(using generator: inout G) -> SecretToken {
        let token = SecretToken.generate(.serviceAccount, using: &generator)
        tokenHash = token.hash
        return token
    }

    public func validate(_ presented: SecretToken, now: Timestamp) -> TokenValidation {
        guard presented.kind == .serviceAccount, presented.matches(storedHash: tokenHash) else { return .mismatch }
        if disabled { return .revoked }
        if let expiresAt, now >= expiresAt { return .expired(at: expiresAt) }
        return .valid
    }

    public var principal: Principal {
        Principal(kind: .serviceAccount, id: name, bindings: bindings, isDisabled: disabled)
    }

    public var description: String { "ServiceAccount('\(name)', \(bindings.count) bindings)" }
}
