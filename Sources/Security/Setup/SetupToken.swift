import MillraceCore

/// The one-time first-start token: no default password ever exists (USERS.md, OWASP "no default
/// credentials"). On a fresh installation the app generates this token, prints it on the console only,
/// and the first visitor must present it to create the first admin. It works once, and only until it
/// expires.
///
/// Only the SHA-256 of the token is kept, and the comparison is constant-time.
public struct SetupToken: Hashable, Sendable, CustomStringConvertible {
    public enum Redemption: Hashable, Sendable {
        case accepted
        case mismatch
        case alreadyUsed
        case expired
    }

    public var tokenHash: String
    public var createdAt: Timestamp
    public var expiresAt: Timestamp
    public var usedAt: Timestamp?

    /// A new token, valid for `lifetime` (default 24 h) or until first use.
    public static func generate<G: RandomNumberGenerator>(
        now: Timestamp, lifetime: Duration = .seconds(24 * 3600), using generator: inout G
    ) -> (token: SecretToken, state: SetupToken) {
        let token = SecretToken.generate(.setup, using: &generator)
        return (token, SetupToken(tokenHash: token.hash, createdAt: now, expiresAt: now + lifetime, usedAt: nil))
    }

    /// Redeems the presented text at `now`; on `.accepted` the token is spent.
    public mutating func redeem(_ presented: String, now: Timestamp) -> Redemption {
        // Hash whatever was presented (malformed too) so the comparison is uniform.
        let matches = ConstantTime.equals(Array(SecretToken.hash(of: presented).utf8), Array(tokenHash.utf8))
        guard matches else { return .mismatch }
        if usedAt != nil { return .alreadyUsed }
        if now >= expiresAt { return .expired }
        usedAt = now
        return .accepted
    }

    public var isSpent: Bool { usedAt != nil }

    public var description: String {
        "SetupToken(created \(createdAt), expires \(expiresAt), \(isSpent ? "used" : "unused"))"
    }
}
