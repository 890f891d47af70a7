import Crypto

/// The HMAC hash of a one-time password: RFC 4226 defines HOTP with SHA-1, RFC 6238 §1.2 adds SHA-256
/// and SHA-512 for TOTP. SHA-1 remains the default because it is the only one every authenticator app
/// supports; HMAC-SHA-1 is not affected by SHA-1's collision weakness (RFC 4226 Appendix A.2).
public enum OTPAlgorithm: String, Hashable, Sendable, Codable, CaseIterable {
    case sha1 = "SHA1"
    case sha256 = "SHA256"
    case sha512 = "SHA512"

    /// The digest size, which is also the recommended secret length.
    public var digestLength: Int {
        switch self {
        case .sha1: 20
        case .sha256: 32
        case .sha512: 64
        }
    }

    func mac(key: [UInt8], message: [UInt8]) -> [UInt8] {
        let symmetricKey = SymmetricKey(data: key)
        switch self {
        case .sha1: return Array(HMAC<Insecure.SHA1>.authenticationCode(for: message, using: symmetricKey))
        case .sha256: return Array(HMAC<SHA256>.authenticationCode(for: message, using: symmetricKey))
        case .sha512: return Array(HMAC<SHA512>.authenticationCode(for: message, using: symmetricKey))
        }
    }
}
