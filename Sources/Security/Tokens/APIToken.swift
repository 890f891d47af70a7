import MillraceCore

/// The stored record of an integration's API token: never the token itself, only its SHA-256, with the
/// permissions it was issued for and an expiry (OWASP REST Security Cheat Sheet: scoped, expiring keys).
///
/// An API token acts for its owner: its effective rights are the owner's role bindings limited to
/// `scopes` (`principal(ownerBindings:)`).
public struct APIToken: Hashable, Sendable, CustomStringConvertible {
    /// The longest lifetime allowed; long-lived credentials belong to service accounts.
    public static let maximumLifetime: Duration = .seconds(366 * 24 * 3600)

    /// A public id for lists and audit records (the first 12 hex characters of the hash).
    public var id: String { String(tokenHash.prefix(12)) }
    public var name: String
    /// The user the token acts for.
    public var owner: String
    public var tokenHash: String
    public var scopes: Set<Permission>
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    public var revokedAt: Timestamp?

    /// Issues a token: returns the secret for the client (shown once) and the record to store.
    public static func issue<G: RandomNumberGenerator>(
        name: String, owner: String, scopes: Set<Permission>, now: Timestamp, lifetime: Duration,
        using generator: inout G
    ) throws(SecurityError) -> (token: SecretToken, record: APIToken) {
        guard lifetime > .zero, lifetime <= maximumLifetime else {
            throw SecurityError(.invalidTokenParameters, "an API token lives between 1 second and 366 days")
        }
        guard !scopes.isEmpty else {
            throw SecurityError(.invalidTokenParameters, "an API token needs at least one scope")
        }
        let token = SecretToken.generate(.api, using: &generator)
        let record = APIToken(
            name: name, owner: owner, tokenHash: token.hash, scopes: scopes, createdAt: now,
            expiresAt: now + lifetime, revokedAt: nil)
        return (token, record)
    }

    /// Checks a presented token against this record at `now`.
    public func validate(_ presented: SecretToken, now: Timestamp) -> TokenValidation {
        guard presented.kind == .api, presented.matches(storedHash: tokenHash) else { return .mismatch }
        if revokedAt != nil { return .revoked }
        if now >= expiresAt { return .expired(at: expiresAt) }
        return .valid
    }

    /// The principal the API acts as for this token: the owner's bindings, limited to the scopes.
    public func principal(ownerBindings: [RoleBinding]) -> Principal {
        Principal(kind: .apiToken, id: "\(owner)/\(id)", bindings: ownerBindings, permissionLimit: scopes)
    }

    public var description: String { "APIToken(\(id) '\(name)' of \(owner), expires \(expiresAt))" }
}
