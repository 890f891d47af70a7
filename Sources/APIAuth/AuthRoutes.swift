import Hummingbird
import MillraceCore
import MillraceSecurity
import SecurityStore

/// The `/api/v1/auth` routes: first-start setup, login, logout, who am I, and TOTP enrollment.
///
///     GET  /api/v1/auth/setup        {"setupRequired": true}                                 (public)
///     POST /api/v1/auth/setup        {"token", "username", "password"} -> 201 user           (public)
///     POST /api/v1/auth/login        {"username", "password", "totp"?, "recoveryCode"?}      (public)
///                                    -> 200 session info, cookies mr_session + mr_csrf
///     POST /api/v1/auth/logout       -> 204, cookies cleared
///     GET  /api/v1/auth/me           -> the principal, its roles and a fresh CSRF token
///     POST /api/v1/auth/mfa/enroll   -> {"secret", "otpauthURI"}
///     POST /api/v1/auth/mfa/confirm  {"code"} -> {"recoveryCodes": [...]} (shown once)
///
/// The session cookie is `HttpOnly; SameSite=Strict; Path=/` and `Secure` when `secureCookies` (under
/// TLS). `mr_csrf` is readable by the page's script (not HttpOnly), which echoes it in `X-CSRF-Token`.
public enum AuthRoutes {
    public static func add<Context: AuthenticatedRequestContext>(
        to router: Router<Context>, service: SecurityService, secureCookies: Bool
    ) {
        router.get("/api/v1/auth/setup") { _, _ in
            let status = try await call { () async throws(SecurityServiceError) in try await service.setupStatus() }
            return JSONBody.response(SetupStatusDTO(setupRequired: status == .required))
        }

        router.post("/api/v1/auth/setup") { request, context in
            let body = try await request.decode(as: SetupRequest.self, context: context)
            let user = try await call { () async throws(SecurityServiceError) in
                try await service.completeSetup(
                    token: body.token, username: body.username, password: body.password, address: context.clientAddress)
            }
            return JSONBody.response(UserDTO(user), status: .created)
        }

        router.post("/api/v1/auth/login") { request, context in
            let body = try await request.decode(as: LoginRequest.self, context: context)
            let login = try await call { () async throws(SecurityServiceError) in
                try await service.login(
                    username: body.username, password: body.password, totp: body.totp, recoveryCode: body.recoveryCode,
                    address: context.clientAddress)
            }
            var response = JSONBody.response(
                LoginResponse(
                    username: login.principal.id, roles: login.principal.bindings.map(RoleDTO.init),
                    csrfToken: login.csrfToken, mfaVerified: login.session.mfaVerified,
                    mfaEnrollmentRequired: login.mfaEnrollmentRequired, expiresAt: login.session.expiresAt.iso8601))
            let maxAge = Int(service.configuration.sessionAbsoluteTimeout.components.seconds)
            response.setCookie(sessionCookie(login.token.text, maxAge: maxAge, secure: secureCookies))
            response.setCookie(csrfCookie(login.csrfToken, maxAge: maxAge, secure: secureCookies))
            return response
        }

        router.post("/api/v1/auth/logout") { request, context in
            if let cookie = request.cookies[AuthMiddleware<Context>.sessionCookie]?.value {
                try await call { () async throws(SecurityServiceError) in
                    try await service.logout(sessionToken: cookie, address: context.clientAddress)
                }
            }
            var response = Response(status: .noContent, headers: [.cacheControl: "no-store"])
            response.setCookie(sessionCookie("", maxAge: 0, secure: secureCookies))
            response.setCookie(csrfCookie("", maxAge: 0, secure: secureCookies))
            return response
        }

        router.get("/api/v1/auth/me") { _, context in
            guard let authentication = context.authentication else {
                throw AuthHTTPError(.unauthorized, code: "unauthenticated", "log in first")
            }
            var csrf: String?
            if let hash = authentication.sessionHash { csrf = await service.csrfToken(forSession: hash) }
            let principal = authentication.principal
            return JSONBody.response(
                MeResponse(
                    kind: principal.kind.rawValue, id: principal.id, roles: principal.bindings.map(RoleDTO.init),
                    scopes: principal.permissionLimit.map { $0.map(\.rawValue).sorted() }, csrfToken: csrf,
                    mfaEnrollmentRequired: authentication.mfaEnrollmentRequired))
        }

        router.post("/api/v1/auth/mfa/enroll") { _, context in
            let user = try sessionUser(context)
            let enrollment = try await call { () async throws(SecurityServiceError) in try await service.enrollTOTP(username: user) }
            return JSONBody.response(EnrollResponse(secret: enrollment.secretBase32, otpauthURI: enrollment.provisioningURI))
        }

        router.post("/api/v1/auth/mfa/confirm") { request, context in
            let user = try sessionUser(context)
            let body = try await request.decode(as: ConfirmRequest.self, context: context)
            let codes = try await call { () async throws(SecurityServiceError) in
                try await service.confirmTOTP(
                    username: user, code: body.code, sessionHash: context.authentication?.sessionHash,
                    address: context.clientAddress)
            }
            return JSONBody.response(ConfirmResponse(recoveryCodes: codes))
        }
    }

    /// MFA belongs to people: only a user's own session may enroll (not an API token acting for them).
    static func sessionUser(_ context: some AuthenticatedRequestContext) throws(AuthHTTPError) -> String {
        guard let authentication = context.authentication, authentication.isSession,
            authentication.principal.kind == .user
        else {
            throw AuthHTTPError(.forbidden, code: "forbidden", "a second factor is enrolled from a logged-in browser session")
        }
        return authentication.principal.id
    }

    static func call<T>(_ body: () async throws(SecurityServiceError) -> T) async throws(AuthHTTPError) -> T {
        do { return try await body() } catch { throw AuthHTTPError(error) }
    }

    static func sessionCookie(_ value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(
            name: AuthMiddleware<MillraceRequestContext>.sessionCookie, value: value, maxAge: maxAge, path: "/",
            secure: secure, httpOnly: true, sameSite: .strict)
    }

    static func csrfCookie(_ value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(
            name: AuthMiddleware<MillraceRequestContext>.csrfCookie, value: value, maxAge: maxAge, path: "/",
            secure: secure, httpOnly: false, sameSite: .strict)
    }
}

// MARK: - Bodies

struct SetupStatusDTO: Encodable {
    var setupRequired: Bool
}

struct SetupRequest: Decodable {
    var token: String
    var username: String
    var password: String
}

struct LoginRequest: Decodable {
    var username: String
    var password: String
    var totp: String?
    var recoveryCode: String?
}

struct RoleDTO: Encodable {
    var role: String
    var scope: String?
    init(_ binding: RoleBinding) {
        role = binding.role.rawValue
        scope = binding.scope?.description
    }
}

struct UserDTO: Encodable {
    var username: String
    var roles: [RoleDTO]
    var mfaEnrolled: Bool
    init(_ user: UserSummary) {
        username = user.name
        roles = user.bindings.map(RoleDTO.init)
        mfaEnrolled = user.mfaEnrolled
    }
}

struct LoginResponse: Encodable {
    var username: String
    var roles: [RoleDTO]
    var csrfToken: String
    var mfaVerified: Bool
    var mfaEnrollmentRequired: Bool
    var expiresAt: String
}

struct MeResponse: Encodable {
    var kind: String
    var id: String
    var roles: [RoleDTO]
    var scopes: [String]?
    var csrfToken: String?
    var mfaEnrollmentRequired: Bool
}

struct EnrollResponse: Encodable {
    var secret: String
    var otpauthURI: String
}

struct ConfirmRequest: Decodable {
    var code: String
}

struct ConfirmResponse: Encodable {
    var recoveryCodes: [String]
}
