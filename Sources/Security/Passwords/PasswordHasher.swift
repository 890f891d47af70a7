import Crypto
import Foundation
import _CryptoExtras

/// Hashes and verifies passwords with PBKDF2-HMAC-SHA256 (RFC 8018 §5.2).
///
/// Defaults follow the OWASP Password Storage Cheat Sheet (2023): 600,000 iterations of PBKDF2-HMAC-SHA256,
/// a 16-byte random salt per password, a 32-byte derived key. Passwords are normalised to Unicode NFKC
/// before hashing (NIST SP 800-63B §5.1.1.2), so the same password typed on different keyboards verifies.
///
/// Raise `iterations` over the years; `needsRehash(_:)` tells the login path to re-hash with the current
/// parameters right after a successful verification, while the plaintext is at hand.
public struct PasswordHasher: Hashable, Sendable {
    /// OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256.
    public static let recommendedIterations = 600_000

    public var iterations: Int
    public var saltLength: Int
    public var derivedKeyLength: Int

    /// A hasher; tests pass a low `iterations` to stay fast, production keeps the default.
    public init(
        iterations: Int = PasswordHasher.recommendedIterations, saltLength: Int = 16, derivedKeyLength: Int = 32
    )
        throws(SecurityError)
    {
        guard iterations >= 1, iterations <= PasswordHash.maximumIterations else {
            throw SecurityError(.invalidHashParameters, "iterations must be 1...\(PasswordHash.maximumIterations)")
        }
        guard saltLength >= 16 else {
            throw SecurityError(.invalidHashParameters, "the salt must be at least 16 bytes (NIST SP 800-132 §5.1)")
        }
        guard (16...64).contains(derivedKeyLength) else {
            throw SecurityError(.invalidHashParameters, "the derived key must be 16...64 bytes")
        }
        self.iterations = iterations
        self.saltLength = saltLength
        self.derivedKeyLength = derivedKeyLength
    }

    /// Hashes `password` with a fresh salt from `generator` and returns the PHC string to store.
    public func hash<G: RandomNumberGenerator>(_ password: String, using generator: inout G) throws(SecurityError)
        -> String
    {
        let salt = SecureRandom.bytes(count: saltLength, using: &generator)
        let key = try Self.pbkdf2SHA256(
            password: Self.normalized(password), salt: salt, iterations: iterations, length: derivedKeyLength)
        return PasswordHash(iterations: iterations, salt: salt, derivedKey: key).encoded
    }

    /// Hashes `password` with a salt from the system CSPRNG.
    public func hash(_ password: String) throws(SecurityError) -> String {
        var generator = SystemRandomNumberGenerator()
        return try hash(password, using: &generator)
    }

    /// Whether `password` matches the stored PHC string, compared in constant time.
    ///
    /// Verification uses the parameters stored in the hash, not this hasher's, so old hashes keep working.
    public func verify(_ password: String, against encoded: String) throws(SecurityError) -> Bool {
        let stored = try PasswordHash(encoded: encoded)
        let candidate = try Self.pbkdf2SHA256(
            password: Self.normalized(password), salt: stored.salt, iterations: stored.iterations,
            length: stored.derivedKey.count)
        return ConstantTime.equals(candidate, stored.derivedKey)
    }

    /// Whether a stored hash was made with weaker parameters than this hasher's (or cannot be parsed)
    /// and should be replaced at the next successful login.
    public func needsRehash(_ encoded: String) -> Bool {
        guard let stored = try? PasswordHash(encoded: encoded) else { return true }
        return stored.iterations < iterations || stored.salt.count < saltLength
            || stored.derivedKey.count < derivedKeyLength
    }

    /// Raw PBKDF2-HMAC-SHA256 (RFC 8018 §5.2), exposed for the RFC 7914 §11 known-answer tests.
    public static func pbkdf2SHA256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int)
        throws(SecurityError) -> [UInt8]
    {
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: password, salt: salt, using: .sha256, outputByteCount: length,
                unsafeUncheckedRounds: iterations)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw SecurityError(.cryptoFailure, "PBKDF2 failed")
        }
    }

    static func normalized(_ password: String) -> [UInt8] {
        Array(password.precomposedStringWithCompatibilityMapping.utf8)
    }
}
