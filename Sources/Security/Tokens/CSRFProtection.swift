import Crypto

/// CSRF tokens as the OWASP CSRF Prevention Cheat Sheet's "signed double-submit cookie": a random value
/// plus an HMAC-SHA256 over the session it belongs to and that value, `<random>.<mac>` in base64url.
///
/// The token is bound to the session (a token stolen from another session fails), needs no server-side
/// state, and is compared in constant time. Sent in a header (`X-CSRF-Token`) on every state-changing
/// request, alongside `SameSite=Strict` cookies.
public struct CSRFProtection: Sendable {
    // Raw bytes rather than `SymmetricKey`, which is not `Sendable` in swift-crypto 3.x.
    private let key: [UInt8]

    /// `key` must be at least 32 random bytes, kept with the other server secrets.
    public init(key: [UInt8]) throws(SecurityError) {
        guard key.count >= 32 else { throw SecurityError(.invalidKeyFile, "a CSRF key is at least 32 bytes") }
        self.key = key
    }

    /// A token for the session whose token hash is `sessionHash`.
    public func issue<G: RandomNumberGenerator>(forSession sessionHash: String, using generator: inout G) -> String {
        let nonce = SecureRandom.bytes(count: 16, using: &generator)
        return Base64URL.encode(nonce) + "." + Base64URL.encode(mac(sessionHash: sessionHash, nonce: nonce))
    }

    /// Whether `token` was issued for `sessionHash` by this key.
    public func verify(_ token: String, forSession sessionHash: String) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
            let nonce = try? Base64URL.decode(String(parts[0])), nonce.count == 16,
            let presented = try? Base64URL.decode(String(parts[1]))
        else { return false }
        return ConstantTime.equals(presented, mac(sessionHash: sessionHash, nonce: nonce))
    }

    private func mac(sessionHash: String, nonce: [UInt8]) -> [UInt8] {
        // Length-prefix the session id so (session, nonce) pairs cannot be re-split into another pair.
        let session = Array(sessionHash.utf8)
        var message = withUnsafeBytes(of: UInt32(session.count).bigEndian) { Array($0) }
        message += session + nonce
        return Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }
}
