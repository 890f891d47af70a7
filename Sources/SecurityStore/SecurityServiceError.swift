import MillraceSecurity

/// Why `SecurityService` refused something. `code` is stable (the API maps it to HTTP in one place,
/// `APIAuth.AuthHTTPError`); `message` is safe to show to the client: it never says whether a user name
/// exists or which factor of a login was wrong (that goes to the audit trail as `loginFailure`).
public struct SecurityServiceError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// Wrong user name, password or second factor, or a disabled account (all look alike to the client).
        public static let invalidCredentials = Code(rawValue: "invalidCredentials")
        /// Too many failures for this user or address; retry after `retryAfter`.
        public static let lockedOut = Code(rawValue: "lockedOut")
        /// Password accepted; this account needs its TOTP code or a recovery code to finish logging in.
        public static let mfaRequired = Code(rawValue: "mfaRequired")
        /// The session may only enroll a second factor (the MFA policy requires one) before anything else.
        public static let mfaEnrollmentRequired = Code(rawValue: "mfaEnrollmentRequired")
        /// No valid credential: missing, unknown, expired, idle or revoked.
        public static let unauthenticated = Code(rawValue: "unauthenticated")
        /// Setup is over (a user exists) or the setup token is wrong, used or expired.
        public static let setupNotAvailable = Code(rawValue: "setupNotAvailable")
        public static let invalidSetupToken = Code(rawValue: "invalidSetupToken")
        /// The password breaks the password policy; the message lists every rule broken.
        public static let weakPassword = Code(rawValue: "weakPassword")
        /// A malformed name, scope, lifetime or code.
        public static let invalidInput = Code(rawValue: "invalidInput")
        public static let notFound = Code(rawValue: "notFound")
        public static let alreadyExists = Code(rawValue: "alreadyExists")
        /// The security database failed.
        public static let storageFailure = Code(rawValue: "securityStorageFailure")
        /// The audit log cannot be written; the action is refused rather than left unaudited.
        public static let auditUnavailable = Code(rawValue: "auditUnavailable")
    }

    public var code: Code
    public var message: String
    /// For `lockedOut`: how long until the next attempt is considered.
    public var retryAfter: Duration?
    /// For failed logins: the reason recorded in the audit trail (never sent to the client).
    public var loginFailure: LoginFailureReason?

    public init(_ code: Code, _ message: String, retryAfter: Duration? = nil, loginFailure: LoginFailureReason? = nil) {
        self.code = code
        self.message = message
        self.retryAfter = retryAfter
        self.loginFailure = loginFailure
    }

    public var description: String { "\(code): \(message)" }

    init(_ error: SecurityStoreError) {
        self.init(.storageFailure, error.description)
    }
}
