import Crypto

/// Encrypts secrets at rest — device passwords, MQTT credentials, webhook tokens in the configuration
/// database — with AES-256-GCM (NIST SP 800-38D) under a key kept in a separate file
/// (`SecretBoxKeyFile`), so a copied database or backup alone reveals nothing (OWASP Cryptographic
/// Storage Cheat Sheet, "Separation of keys and data").
///
/// Format (docs/security.md): `mrsec1:` + base64( keyID[4] ‖ nonce[12] ‖ ciphertext ‖ tag[16] ).
/// The version prefix allows a future algorithm; the key id tells "sealed under another key" apart from
/// tampering. The `context` (e.g. `connection/plc-1/password`) is authenticated as associated data, so a
/// sealed value cannot be moved to another field. Nonces are random (96 bits); NIST SP 800-38D §8.3
/// allows 2^32 messages per key, far beyond a plant's count of secrets.
public struct SecretBox: Sendable, CustomStringConvertible {
    public static let prefix = "mrsec1:"
    public static let keyLength = 32

    // Raw bytes rather than `SymmetricKey`, which is not `Sendable` in swift-crypto 3.x.
    private let key: [UInt8]
    /// Four bytes derived from the key, stored in every sealed value.
    public let keyID: [UInt8]

    public init(key: [UInt8]) throws(SecurityError) {
        guard key.count == Self.keyLength else {
            throw SecurityError(.invalidKeyFile, "a SecretBox key is exactly \(Self.keyLength) bytes")
        }
        self.key = key
        self.keyID = Array(SHA256.hash(data: Array("millrace-secretbox-key-id".utf8) + key).prefix(4))
    }

    /// A fresh random key.
    public static func generateKey<G: RandomNumberGenerator>(using generator: inout G) -> [UInt8] {
        SecureRandom.bytes(count: keyLength, using: &generator)
    }

    /// Encrypts `plaintext` for the field named `context`, with a nonce from `generator`.
    public func seal<G: RandomNumberGenerator>(_ plaintext: [UInt8], context: String, using generator: inout G)
        throws(SecurityError) -> String
    {
        do {
            let nonce = try AES.GCM.Nonce(data: SecureRandom.bytes(count: 12, using: &generator))
            let box = try AES.GCM.seal(
                plaintext, using: SymmetricKey(data: key), nonce: nonce, authenticating: Self.aad(context))
            guard let combined = box.combined else { throw SecurityError(.cryptoFailure, "AES-GCM produced no output") }
            return Self.prefix + Base64URL.encodeUnpaddedStandard(keyID + Array(combined))
        } catch let error as SecurityError {
            throw error
        } catch {
            throw SecurityError(.cryptoFailure, "AES-GCM sealing failed")
        }
    }

    /// Encrypts a string with a nonce from the system CSPRNG.
    public func seal(_ plaintext: String, context: String) throws(SecurityError) -> String {
        var generator = SystemRandomNumberGenerator()
        return try seal(Array(plaintext.utf8), context: context, using: &generator)
    }

    /// Decrypts a sealed value for `context`; throws `.malformedCiphertext`, `.wrongKey` or
    /// `.authenticationFailed` (modified bytes or wrong context).
    public func open(_ sealed: String, context: String) throws(SecurityError) -> [UInt8] {
        guard sealed.hasPrefix(Self.prefix) else {
            if sealed.hasPrefix("mrsec"), let colon = sealed.firstIndex(of: ":") {
                throw SecurityError(.malformedCiphertext, "unsupported sealed-secret version '\(sealed[..<colon])'")
            }
            throw SecurityError(.malformedCiphertext, "a sealed secret starts with '\(Self.prefix)'")
        }
        let bytes: [UInt8]
        do {
            bytes = try Base64URL.decodeUnpaddedStandard(String(sealed.dropFirst(Self.prefix.count)))
        } catch {
            throw SecurityError(.malformedCiphertext, "the sealed secret is not valid base64")
        }
        guard bytes.count >= 4 + 12 + 16 else {
            throw SecurityError(.malformedCiphertext, "the sealed secret is truncated (\(bytes.count) bytes)")
        }
        guard ConstantTime.equals(bytes[0..<4], keyID) else {
            throw SecurityError(
                .wrongKey, "the secret was sealed with key \(Hex.encode(bytes[0..<4])), not \(Hex.encode(keyID))")
        }
        do {
            let box = try AES.GCM.SealedBox(combined: bytes[4...])
            return Array(try AES.GCM.open(box, using: SymmetricKey(data: key), authenticating: Self.aad(context)))
        } catch {
            throw SecurityError(
                .authenticationFailed, "the sealed secret failed authentication: modified, or sealed for another field")
        }
    }

    /// Decrypts a sealed UTF-8 string.
    public func openString(_ sealed: String, context: String) throws(SecurityError) -> String {
        let bytes = try open(sealed, context: context)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw SecurityError(.malformedCiphertext, "the secret is not UTF-8 text")
        }
        return text
    }

    private static func aad(_ context: String) -> [UInt8] { Array("mrsec1|\(context)".utf8) }

    public var description: String { "SecretBox(key id \(Hex.encode(keyID)))" }
}
