import MillraceSecurity

/// A credential as presented on a request.
public enum Credential: Hashable, Sendable, CustomStringConvertible {
    /// `Authorization: Bearer mr_api_…` or `mr_svc_…`.
    case bearer(String)
    /// The `mr_session` cookie (`mr_ses_…`).
    case sessionCookie(String)

    public var description: String {
        switch self {
        case .bearer: "bearer token (redacted)"
        case .sessionCookie: "session cookie (redacted)"
        }
    }
}

/// Who a request acts as, once its credential was checked.
public struct Authentication: Hashable, Sendable {
    public var principal: Principal
    /// The SHA-256 of the session token for cookie sessions (binds CSRF tokens); nil for bearer tokens.
    public var sessionHash: String?
    /// The MFA policy requires a second factor this session has not passed: only enrolling one is allowed.
    public var mfaEnrollmentRequired: Bool

    public init(principal: Principal, sessionHash: String? = nil, mfaEnrollmentRequired: Bool = false) {
        self.principal = principal
        self.sessionHash = sessionHash
        self.mfaEnrollmentRequired = mfaEnrollmentRequired
    }

    /// Whether the credential was a browser session (CSRF applies) rather than a bearer token.
    public var isSession: Bool { sessionHash != nil }
}

/// A successful login: the session token to set as a cookie (shown once), its CSRF token, and what the UI
/// must do next.
public struct LoginSession: Sendable, CustomStringConvertible {
    public var token: SecretToken
    public var session: SessionToken
    public var csrfToken: String
    public var principal: Principal
    /// The MFA policy requires a second factor and none is enrolled: the UI must run enrollment first.
    public var mfaEnrollmentRequired: Bool

    public var description: String { "LoginSession(\(principal), \(token))" }
}

/// What the first start needs.
public enum SetupStatus: String, Hashable, Sendable, Codable {
    /// No user exists: the admin is created with the setup token (or `millrace user add`).
    case required
    case complete
}

/// A pending TOTP enrollment: show the URI as a QR code or the secret for manual entry, then confirm.
public struct TOTPEnrollment: Sendable, CustomStringConvertible {
    public var secretBase32: String
    public var provisioningURI: String
    public var description: String { "TOTPEnrollment(secret redacted)" }
}

/// A summary of a user for lists (no secrets).
public struct UserSummary: Hashable, Sendable, Codable {
    public var name: String
    public var bindings: [RoleBinding]
    public var disabled: Bool
    public var mfaEnrolled: Bool
    public var recoveryCodesLeft: Int
}

/// What `SecurityService.revoke` ends.
public enum Revocation: Hashable, Sendable {
    /// An API token by its public id (the first 12 hex characters of its hash, as `token list` shows).
    case apiToken(id: String)
    /// A service account: disabled, its token stops working at once.
    case serviceAccount(name: String)
    /// Every open session of a user (sign out everywhere).
    case sessions(username: String)
}
