import HTTPTypes
import Hummingbird
import MillraceSecurity
import SecurityStore

/// Authenticates every request, except the allow-listed public paths, before any route runs; refuses
/// hostile requests early; adds the security headers to every response.
///
/// In order: (1) refuse control characters in header values and dot segments or encoded separators in the
/// path (400); (2) refuse bodies over the limit (413); (3) on non-public paths, take the credential —
/// `Authorization: Bearer mr_api_…|mr_svc_…` first, else the `mr_session` cookie — and ask the
/// `SecurityService` (401 without a valid one); (4) on a cookie session, require a valid `X-CSRF-Token`
/// for unsafe methods (403); (5) confine a session that still has to enroll MFA to the enrollment paths
/// (403). Failures are answered here in the API's error JSON and never thrown, so an unknown path without
/// credentials also answers 401 and reveals nothing about which routes exist.
///
/// Add it as the router's FIRST middleware, before the API's error middleware.
public struct AuthMiddleware<Context: AuthenticatedRequestContext>: RouterMiddleware {
    public let service: SecurityService
    public let configuration: AuthMiddlewareConfiguration

    public init(service: SecurityService, configuration: AuthMiddlewareConfiguration = AuthMiddlewareConfiguration()) {
        self.service = service
        self.configuration = configuration
    }

    public static var sessionCookie: String { "mr_session" }
    public static var csrfCookie: String { "mr_csrf" }
    public static var csrfHeader: HTTPField.Name { HTTPField.Name("X-CSRF-Token")! }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var response: Response
        do {
            response = try await authorize(request, context: context, next: next)
        } catch let error as AuthHTTPError {
            response = error.response()
        } catch let error as any HTTPResponseError {
            // Only reached when no error middleware sits inside this one.
            response = try error.response(from: request, context: context)
        }
        addSecurityHeaders(&response.headers)
        return response
    }

    private func authorize(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        var request = request
        var context = context
        try Self.checkHeaders(request.headers)
        let path = try Self.checkPath(request.uri.path)
        try await limitBody(&request)
        if configuration.isPublic(path) { return try await next(request, context) }

        let authentication: Authentication
        guard let credential = Self.credential(request) else {
            if let redirect = loginRedirect(request, path: path) { return redirect }
            throw AuthHTTPError(.unauthorized, code: "unauthenticated", "log in or send an API token (Authorization: Bearer …)")
        }
        do { authentication = try await service.authenticate(credential) } catch {
            if let redirect = loginRedirect(request, path: path) { return redirect }
            throw AuthHTTPError(.unauthorized, code: "unauthenticated", error.message)
        }
        if let sessionHash = authentication.sessionHash, !Self.isSafe(request.method) {
            guard let token = request.headers[Self.csrfHeader], service.verifyCSRF(token, forSession: sessionHash)
            else {
                throw AuthHTTPError(
                    .forbidden, code: "csrfFailed",
                    "a state-changing request with a session cookie needs the X-CSRF-Token header from the login response")
            }
            if let cookie = request.cookies[Self.csrfCookie]?.value, cookie != token {
                throw AuthHTTPError(.forbidden, code: "csrfFailed", "the X-CSRF-Token header does not match the mr_csrf cookie")
            }
        }
        if authentication.mfaEnrollmentRequired, !configuration.mfaEnrollmentPaths.contains(path) {
            throw AuthHTTPError(
                .forbidden, code: "mfaEnrollmentRequired",
                "your role requires a second factor: enroll an authenticator app first (POST /api/v1/auth/mfa/enroll)")
        }
        context.authentication = authentication
        return try await next(request, context)
    }

    /// A browser opening a page of the web UI without a (valid) session goes to the login page, which comes
    /// back here after login. API, metrics and non-HTML requests keep the 401.
    func loginRedirect(_ request: Request, path: String) -> Response? {
        guard let loginPage = configuration.loginPage, request.method == .get || request.method == .head,
            !path.hasPrefix("/api/"), path != "/metrics",
            request.headers[.accept]?.contains("text/html") == true
        else { return nil }
        // The path was checked by `checkPath`; only its characters that are safe in a query are kept.
        let next = String(path.unicodeScalars.filter { $0.isASCII && ($0.properties.isAlphabetic || "0123456789/-_.~".unicodeScalars.contains($0)) }.map(Character.init))
        var location = loginPage
        if next != "/" && !next.isEmpty { location += "?next=" + next }
        return Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    /// The credential of a request: a bearer token, else the session cookie.
    static func credential(_ request: Request) -> Credential? {
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return .bearer("") }
            return .bearer(String(parts[1]).trimmingASCIISpaces)
        }
        if let cookie = request.cookies[sessionCookie]?.value, !cookie.isEmpty { return .sessionCookie(cookie) }
        return nil
    }

    static func isSafe(_ method: HTTPRequest.Method) -> Bool {
        method == .get || method == .head || method == .options
    }

    /// Header values with control characters (CR, LF, NUL…) are refused: they are how header injection and
    /// request smuggling start, and no legitimate client sends them. Tabs are allowed (RFC 9110 §5.5).
    static func checkHeaders(_ headers: HTTPFields) throws(AuthHTTPError) {
        for field in headers {
            if field.value.utf8.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
                throw AuthHTTPError(
                    .badRequest, code: "badHeader", "the header \(field.name) contains control characters")
            }
        }
    }

    /// Refuses `.` and `..` segments, backslashes, NUL and percent-encoded `.`, `/` or `\` in the path, so no
    /// prefix of the allow-list (static assets) can be used to reach something else, and static files cannot
    /// be read outside their folder. Returns the path to match against the allow-list.
    static func checkPath(_ path: String) throws(AuthHTTPError) -> String {
        let lowered = path.lowercased()
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == "." || $0 == ".." }) || lowered.contains("%2e") || lowered.contains("%2f")
            || lowered.contains("%5c") || lowered.contains("%00") || path.contains("\\") || path.utf8.contains(0)
            || !path.hasPrefix("/")
        {
            throw AuthHTTPError(.badRequest, code: "badPath", "the path contains '.' or '..' segments or encoded separators")
        }
        return path
    }

    /// Refuses a declared `Content-Length` over the limit at once; a body of unknown length (chunked) is
    /// collected up to the limit.
    private func limitBody(_ request: inout Request) async throws {
        let limit = configuration.maximumBodySize
        let tooLarge = AuthHTTPError(.contentTooLarge, code: "bodyTooLarge", "the request body is larger than \(limit) bytes")
        if let length = request.headers[.contentLength] {
            guard let bytes = Int(length), bytes >= 0 else {
                throw AuthHTTPError(.badRequest, code: "badHeader", "Content-Length is not a number")
            }
            if bytes > limit { throw tooLarge }
        } else if request.headers[.transferEncoding] != nil {
            do { _ = try await request.collectBody(upTo: limit) } catch let error as HTTPError where error.status == .contentTooLarge {
                throw tooLarge
            }
        }
    }

    /// HSTS under TLS (RFC 6797), no framing (clickjacking), no MIME sniffing, no referrer leaks.
    func addSecurityHeaders(_ headers: inout HTTPFields) {
        if configuration.tls { headers[.strictTransportSecurity] = "max-age=31536000" }
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[.xContentTypeOptions] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
    }
}

extension String {
    var trimmingASCIISpaces: String {
        var text = Substring(self)
        while text.first == " " || text.first == "\t" { text = text.dropFirst() }
        while text.last == " " || text.last == "\t" { text = text.dropLast() }
        return String(text)
    }
}
