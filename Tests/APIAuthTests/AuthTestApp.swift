import APIAuth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MillraceCore
import MillraceSecurity
import MillraceTestSupport
import SecurityStore

/// A small API guarded like the real one: the auth middleware first, the auth routes, and a handful of
/// routes that check permissions on assets the way the API's routes will.
struct AuthTestApp: @unchecked Sendable {  // the router is only read to build the application
    let directory: TemporaryDirectory
    let clock: TestClock
    let service: SecurityService
    let router: Router<MillraceRequestContext>

    static let password = "correct horse battery staple"
    static let admin = AuditActor(kind: .system, id: "test")

    init(mfaPolicy: MFAPolicy = MFAPolicy(requiredFromRole: nil), tls: Bool = false, maximumBodySize: Int = 1 << 20) throws {
        directory = try TemporaryDirectory(prefix: "apiauth")
        clock = TestClock()
        service = try SecurityService(
            store: try SecurityStore(), secretBox: try SecretBox(key: [UInt8](repeating: 9, count: 32)),
            audit: try AuditLogFile(path: directory.file("audit.log")), clock: clock,
            configuration: SecurityServiceConfiguration(mfaPolicy: mfaPolicy, passwordIterations: 1_000),
            random: SplitMix64(seed: 3))
        router = Self.makeRouter(
            service: service, configuration: AuthMiddlewareConfiguration(publicPrefixes: ["/assets/"], maximumBodySize: maximumBodySize, tls: tls),
            secureCookies: tls)
    }

    static func makeRouter(
        service: SecurityService, configuration: AuthMiddlewareConfiguration, secureCookies: Bool
    ) -> Router<MillraceRequestContext> {
        let router = Router(context: MillraceRequestContext.self)
        router.add(middleware: AuthMiddleware(service: service, configuration: configuration))
        router.get("/healthz") { _, _ in "ok" }
        AuthRoutes.add(to: router, service: service, secureCookies: secureCookies)
        router.get("/api/v1/tags") { _, context in
            try context.requirePermission(.readData)
            return "tags"
        }
        router.get("/api/v1/assets/{path}/samples") { request, context in
            try context.requirePermission(.readData, on: try asset(request))
            return "samples"
        }
        router.post("/api/v1/alarms/{id}/acknowledge") { request, context in
            try context.requirePermission(.acknowledgeAlarms, on: try asset(request))
            return "acknowledged"
        }
        router.put("/api/v1/config") { request, context in
            try context.requirePermission(.configure)
            struct Change: Decodable { var key: String }
            let change = try await request.decode(as: Change.self, context: context)
            return "set \(change.key)"
        }
        router.delete("/api/v1/users/{name}") { _, context in
            try context.requirePermission(.manageUsers)
            return "deleted"
        }
        router.get("/assets/app.js") { _, _ in "console.log(1)" }
        return router
    }

    /// The asset a test route acts on, from `?asset=`.
    static func asset(_ request: Request) throws -> AssetPath {
        guard let text = request.uri.queryParameters.get("asset"), let path = try? AssetPath(text) else {
            throw AuthHTTPError(.badRequest, code: "badAsset", "give ?asset=PATH")
        }
        return path
    }

    var application: some ApplicationProtocol { Application(router: router) }

    func addUser(_ name: String, _ bindings: RoleBinding...) async throws {
        try await service.createUser(name: name, password: Self.password, bindings: bindings, by: Self.admin)
    }
}

/// The cookies and CSRF token of a logged-in browser.
struct BrowserSession {
    var cookie: String
    var csrf: String

    var headers: HTTPFields {
        [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrf]
    }
    var cookieOnly: HTTPFields { [.cookie: cookie] }
}

extension TestClientProtocol {
    func login(_ name: String, password: String = AuthTestApp.password, totp: String? = nil) async throws -> (TestResponse, BrowserSession?) {
        var body: [String: String] = ["username": name, "password": password]
        if let totp { body["totp"] = totp }
        let response = try await execute(
            uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
            body: ByteBuffer(bytes: try JSONEncoder().encode(body)))
        let cookies = response.headers[values: .setCookie]
        guard response.status == .ok,
            let session = cookies.first(where: { $0.hasPrefix("mr_session=") }),
            let csrf = cookies.first(where: { $0.hasPrefix("mr_csrf=") })
        else { return (response, nil) }
        let sessionValue = String(session.split(separator: ";")[0])
        let csrfValue = String(csrf.split(separator: ";")[0])
        return (response, BrowserSession(cookie: "\(sessionValue); \(csrfValue)", csrf: String(csrfValue.dropFirst("mr_csrf=".count))))
    }

    func json(_ uri: String, _ method: HTTPRequest.Method, headers: HTTPFields = [:], body: [String: String]? = nil) async throws -> TestResponse {
        var headers = headers
        var buffer: ByteBuffer?
        if let body {
            headers[.contentType] = "application/json"
            buffer = ByteBuffer(bytes: try JSONEncoder().encode(body))
        }
        return try await execute(uri: uri, method: method, headers: headers, body: buffer)
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
    var text: String { String(buffer: body) }
}
