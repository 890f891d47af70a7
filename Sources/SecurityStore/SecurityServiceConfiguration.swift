import MillraceSecurity

/// The policies `SecurityService` enforces; the defaults are the documented ones (docs/security.md).
public struct SecurityServiceConfiguration: Hashable, Sendable {
    /// Who must pass a second factor (default: admins).
    public var mfaPolicy: MFAPolicy
    public var throttle: LoginThrottleConfiguration
    public var passwordPolicy: PasswordPolicy
    /// PBKDF2 iterations for new hashes; tests lower it to stay fast, production keeps 600,000.
    public var passwordIterations: Int
    public var sessionIdleTimeout: Duration
    public var sessionAbsoluteTimeout: Duration
    public var setupTokenLifetime: Duration
    /// The issuer shown by authenticator apps.
    public var issuer: String

    public init(
        mfaPolicy: MFAPolicy = MFAPolicy(), throttle: LoginThrottleConfiguration = LoginThrottleConfiguration(),
        passwordPolicy: PasswordPolicy = PasswordPolicy(),
        passwordIterations: Int = PasswordHasher.recommendedIterations,
        sessionIdleTimeout: Duration = .seconds(30 * 60), sessionAbsoluteTimeout: Duration = .seconds(12 * 3600),
        setupTokenLifetime: Duration = .seconds(24 * 3600), issuer: String = "Millrace"
    ) {
        self.mfaPolicy = mfaPolicy
        self.throttle = throttle
        self.passwordPolicy = passwordPolicy
        self.passwordIterations = passwordIterations
        self.sessionIdleTimeout = sessionIdleTimeout
        self.sessionAbsoluteTimeout = sessionAbsoluteTimeout
        self.setupTokenLifetime = setupTokenLifetime
        self.issuer = issuer
    }
}
