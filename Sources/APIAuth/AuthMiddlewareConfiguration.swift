/// What `AuthMiddleware` lets through without credentials, and its limits.
public struct AuthMiddlewareConfiguration: Hashable, Sendable {
    /// Exact paths reachable without credentials: health, login, setup and the web UI's login page.
    public var publicPaths: Set<String>
    /// Path prefixes reachable without credentials: the web UI's static assets.
    public var publicPrefixes: [String]
    /// Paths a session may use while the MFA policy still requires it to enroll a second factor.
    public var mfaEnrollmentPaths: Set<String>
    /// Largest request body accepted, in bytes (413 beyond).
    public var maximumBodySize: Int
    /// Whether the server runs under TLS: adds HSTS (cookies get `Secure` from `AuthRoutes`' own setting).
    public var tls: Bool
    /// The web UI's login page. When set, a browser navigating (GET with `Accept: text/html`) to a page outside
    /// `/api/` without a credential is sent there (303, `?next=` the page) instead of getting the 401 JSON.
    public var loginPage: String?

    public static let defaultPublicPaths: Set<String> = [
        "/healthz", "/api/v1/auth/login", "/api/v1/auth/setup", "/login", "/login.html", "/favicon.ico",
    ]

    public init(
        publicPaths: Set<String> = AuthMiddlewareConfiguration.defaultPublicPaths,
        publicPrefixes: [String] = [],
        mfaEnrollmentPaths: Set<String> = [
            "/api/v1/auth/me", "/api/v1/auth/logout", "/api/v1/auth/mfa/enroll", "/api/v1/auth/mfa/confirm",
        ],
        maximumBodySize: Int = 1 << 20, tls: Bool = false, loginPage: String? = nil
    ) {
        self.loginPage = loginPage
        self.publicPaths = publicPaths
        self.publicPrefixes = publicPrefixes
        self.mfaEnrollmentPaths = mfaEnrollmentPaths
        self.maximumBodySize = maximumBodySize
        self.tls = tls
    }

    /// Whether `path` is reachable without credentials.
    public func isPublic(_ path: String) -> Bool {
        publicPaths.contains(path) || publicPrefixes.contains { path.hasPrefix($0) }
    }
}
