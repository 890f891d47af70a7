/// The one error type of the `Security` target: a stable `Code` for programs and a message for people.
///
/// Modelled on postgres-nio's `PSQLError`: a struct with a code, so adding a code breaks nobody's `switch`.
/// Messages never contain secret material (passwords, tokens, keys, TOTP secrets).
public struct SecurityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, stable across releases; `rawValue` is the text written to logs and the API.
    public struct Code: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A stored password hash is not a `$pbkdf2-sha256$i=…$salt$hash` string we understand.
        public static let malformedPasswordHash = Code(rawValue: "malformed_password_hash")
        /// A password hashing parameter is out of range (iterations, salt or output length).
        public static let invalidHashParameters = Code(rawValue: "invalid_hash_parameters")
        /// The underlying cryptographic library reported a failure.
        public static let cryptoFailure = Code(rawValue: "crypto_failure")
        /// Text that should be RFC 4648 base32 or base64 is not.
        public static let invalidEncoding = Code(rawValue: "invalid_encoding")
        /// A TOTP configuration is out of range (digits, period, secret length).
        public static let invalidOTPParameters = Code(rawValue: "invalid_otp_parameters")
        /// A token's requested lifetime or scopes are out of range.
        public static let invalidTokenParameters = Code(rawValue: "invalid_token_parameters")
        /// A token string does not have our `mr…_` format.
        public static let malformedToken = Code(rawValue: "malformed_token")
        /// A sealed secret is not `mrsec1:<base64>`, or uses an unknown version.
        public static let malformedCiphertext = Code(rawValue: "malformed_ciphertext")
        /// A sealed secret was sealed with a different key (its key id differs): rotated or wrong key file.
        public static let wrongKey = Code(rawValue: "wrong_key")
        /// AES-GCM authentication failed: wrong key, or the ciphertext was modified.
        public static let authenticationFailed = Code(rawValue: "authentication_failed")
        /// A key file is missing, unreadable, has the wrong size or too open permissions.
        public static let invalidKeyFile = Code(rawValue: "invalid_key_file")
        /// An audit record could not be read or written.
        public static let auditLogIO = Code(rawValue: "audit_log_io")
        /// An audit log line is not a valid record.
        public static let malformedAuditRecord = Code(rawValue: "malformed_audit_record")
    }

    public var code: Code
    /// A human-readable explanation, free of secrets.
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }
}
