import MillraceCore

/// Why a presented token was or was not accepted.
public enum TokenValidation: Hashable, Sendable, CustomStringConvertible {
    case valid
    /// The presented token is not the one this record was issued for.
    case mismatch
    case expired(at: Timestamp)
    /// A session that saw no request for longer than its idle timeout (OWASP Session Management Cheat Sheet).
    case idle(since: Timestamp)
    case revoked

    public var isValid: Bool { self == .valid }

    public var description: String {
        switch self {
        case .valid: "valid"
        case .mismatch: "unknown token"
        case .expired(let at): "expired at \(at)"
        case .idle(let since): "idle since \(since)"
        case .revoked: "revoked"
        }
    }
}
