import API
import APIAuth
import Events
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MillraceCore
import MillraceSecurity
import MillraceTestSupport
import SecurityStore
import Testing

/// The real API router behind authentication (issue #7, ADR 0015): no route but health, login, setup and the login
/// page's files answers without a credential; roles bound to an asset subtree read nothing outside it; browsers are
/// sent to the login page; hostile requests get a clear 4xx.
@Suite struct APISecurityTests {
    typealias F = APIFixture

    /// The client without the fixture's token.
    func anonymous(_ client: any TestClientProtocol) throws -> any TestClientProtocol {
        try #require(client as? AuthorizedClient).base
    }

    @Test func everyRouteOfTheRealRouterButTheAllowListAnswers401WithoutCredentials() async throws {
        try await F.withApp { client, environment in
            let router = APIRouter.make(environment: environment)
            let entries = RouteInventory.entries(of: router)
            #expect(entries.count >= 20, "\(entries)")
            let allowed = APIRouter.authConfiguration(tls: false)
            var reachable: [String] = []
            var publicRoutes: Set<String> = []
            let raw = try anonymous(client)
            for entry in entries {
                if allowed.isPublic(entry.samplePath) {
                    publicRoutes.insert("\(entry.method) \(entry.samplePath)")
                    continue
                }
                for accept in ["application/json", "text/html"] {
                    let response = try await raw.execute(uri: entry.samplePath, method: entry.method, headers: [.accept: accept])
                    let body = response.object
                    let refused =
                        (response.status == .unauthorized && body["code"] as? String == "unauthenticated"
                            && response.headers[.wwwAuthenticate] != nil)
                        // A browser opening a page is sent to the login page, never shown it.
                        || (response.status == .seeOther && response.headers[.location]?.hasPrefix("/login") == true
                            && accept == "text/html" && !entry.samplePath.hasPrefix("/api/") && response.body.readableBytes == 0)
                    if !refused { reachable.append("\(entry) (\(accept)) answered \(response.status.code)") }
                }
            }
            #expect(reachable == [])
            // The public routes are exactly health, login, setup and the login page.
            #expect(
                publicRoutes == [
                    "GET /healthz", "GET /api/v1/auth/setup", "POST /api/v1/auth/setup", "POST /api/v1/auth/login", "GET /login",
                ])
            // The catch-all that serves the app's files lets the login page's own files through, and nothing else.
            for file in ["/login.js", "/app.css", "/theme.js", "/favicon.svg"] {
                #expect(try await raw.execute(uri: file, method: .get).status == .ok, "\(file)")
            }
            for file in ["/app.js", "/asset.js", "/live.js", "/", "/trends", "/index.html"] {
                #expect(try await raw.execute(uri: file, method: .get).status == .unauthorized, "\(file)")
            }
        }
    }

    @Test func aBrowserWithoutSessionIsSentToTheLoginPageAndBack() async throws {
        try await F.withApp { client, _ in
            let raw = try anonymous(client)
            let page = try await raw.execute(uri: "/assets/demo/utilities/pump-1", method: .get, headers: [.accept: "text/html,*/*"])
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/login?next=/assets/demo/utilities/pump-1")
            let login = try await raw.execute(uri: "/login", method: .get, headers: [.accept: "text/html"])
            #expect(login.status == .ok)
            #expect(String(buffer: login.body).contains("id=\"login-form\""))
            #expect(login.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("script-src 'self'") == true)
            // The API keeps answering 401 to programs, whatever they accept.
            let api = try await raw.execute(uri: "/api/v1/tags", method: .get, headers: [.accept: "text/html"])
            #expect(api.status == .unauthorized)
        }
    }

    @Test func aViewerScopedToASubtreeSeesOnlyThatSubtree() async throws {
        let events = try SQLiteEventStore()
        _ = try await events.append(
            Event(
                time: F.now, asset: try AssetPath("demo/packaging/line-1/motor-1"), kind: .finding, fault: "imbalance",
                severity: "high", confidence: 0.9, title: "Imbalance", explanation: "1x", evidenceJSON: "[]",
                recommendedAction: "balance"))
        _ = try await events.append(
            Event(
                time: F.now, asset: try AssetPath("demo/utilities/pump-1"), kind: .finding, fault: "cavitation",
                severity: "low", confidence: 0.6, title: "Cavitation", explanation: "hf", evidenceJSON: "[]",
                recommendedAction: "check suction"))
        try await F.withApp(events: events) { client, environment in
            try await environment.security.createUser(
                name: "utilities-viewer", password: APITestSecurity.password,
                bindings: [RoleBinding(role: .viewer, scope: try AssetPath("demo/utilities"))], by: APITestSecurity.system)
            let token = try await APITestSecurity.token(environment.security, owner: "utilities-viewer")
            let viewer = AuthorizedClient(try anonymous(client), token: token)

            // The tree: the site and the one area it may read, and only its assets.
            let tree = try await F.get(viewer, "/api/v1/assets")
            let site = try #require((tree["nodes"] as? [[String: Any]])?.first)
            let areas = try #require(site["children"] as? [[String: Any]])
            #expect(areas.map { $0["id"] as? String } == ["utilities"])
            #expect(site["tagCount"] as? Int == 2)

            // Tags, one tag, its history: only inside the subtree.
            let tags = try #require(try await F.get(viewer, "/api/v1/tags")["tags"] as? [[String: Any]])
            #expect(Set(tags.compactMap { $0["id"] as? String }) == ["utilities.pump1.flow", "utilities.fan1.speed"])
            #expect(try await viewer.execute(uri: "/api/v1/tags/utilities.pump1.flow", method: .get).status == .ok)
            for uri in [
                "/api/v1/tags/line1.motor.current", "/api/v1/tags/line1.motor.current/samples",
                "/api/v1/tags/line1.motor.current/aggregates?interval=1m", "/api/v1/tags/line1.motor.current/plot",
                "/api/v1/assets/demo/packaging/line-1/motor-1", "/api/v1/events?asset=demo/packaging",
                "/api/v1/stream?tags=line1.motor.current",
            ] {
                let response = try await viewer.execute(uri: uri, method: .get)
                #expect(response.status == .forbidden, "\(uri)")
                #expect(response.object["code"] as? String == "forbidden", "\(uri)")
                #expect((response.object["message"] as? String)?.contains("viewer on demo/utilities") == true, "\(uri): \(response.object)")
            }
            // Events are narrowed to the subtree; installation-wide pages need a role on all assets.
            let list = try #require(try await F.get(viewer, "/api/v1/events")["events"] as? [[String: Any]])
            #expect(list.map { $0["asset"] as? String } == ["demo/utilities/pump-1"])
            #expect(try await viewer.execute(uri: "/api/v1/connections", method: .get).status == .forbidden)
            #expect(try await viewer.execute(uri: "/metrics", method: .get).status == .forbidden)
            // The administrator sees both findings.
            let all = try #require(try await F.get(client, "/api/v1/events")["events"] as? [[String: Any]])
            #expect(all.count == 2)
        }
    }

    @Test func sessionLoginAndLogoutWithTheCSRFToken() async throws {
        try await F.withApp { client, environment in
            try await environment.security.createUser(
                name: "eng", password: APITestSecurity.password, bindings: [RoleBinding(role: .engineer)], by: APITestSecurity.system)
            let raw = try anonymous(client)
            let body = ByteBuffer(string: #"{"username":"eng","password":"\#(APITestSecurity.password)"}"#)
            let login = try await raw.execute(
                uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"], body: body)
            #expect(login.status == .ok)
            let cookies = login.headers[values: .setCookie]
            let session = try #require(cookies.first { $0.hasPrefix("mr_session=") })
            #expect(session.contains("HttpOnly") && session.contains("SameSite=Strict"))
            #expect(!session.contains("Secure"), "no Secure flag on plain loopback HTTP")
            let csrf = try #require(login.object["csrfToken"] as? String)
            let cookie = cookies.map { String($0.split(separator: ";")[0]) }.joined(separator: "; ")
            #expect(try await raw.execute(uri: "/api/v1/tags", method: .get, headers: [.cookie: cookie]).status == .ok)
            // Logging out is a state change: without the CSRF header it is refused, with it the session ends.
            #expect(try await raw.execute(uri: "/api/v1/auth/logout", method: .post, headers: [.cookie: cookie]).status == .forbidden)
            let headers: HTTPFields = [.cookie: cookie, HTTPField.Name("X-CSRF-Token")!: csrf]
            #expect(try await raw.execute(uri: "/api/v1/auth/logout", method: .post, headers: headers).status == .noContent)
            #expect(try await raw.execute(uri: "/api/v1/tags", method: .get, headers: [.cookie: cookie]).status == .unauthorized)
        }
    }

    @Test func hostileRequestsGetAClear4xx() async throws {
        try await F.withApp { client, _ in
            let raw = try anonymous(client)
            let huge = ByteBuffer(repeating: UInt8(ascii: "a"), count: (1 << 20) + 1)
            let large = try await raw.execute(
                uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"], body: huge)
            #expect(large.status == .contentTooLarge)
            let malformed = try await raw.execute(
                uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: "{\"username\":"))
            #expect(malformed.status == .badRequest)
            for uri in ["/../etc/passwd", "/login.js/../app.js", "/%2e%2e/api/v1/tags", "/app.css%00.js", "/a\\b"] {
                let response = try await raw.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri)")
                #expect(response.object["code"] as? String == "badPath", "\(uri)")
            }
            // Bad input with a valid token is refused the same way, after authentication.
            #expect(try await client.execute(uri: "/api/v1/tags?limit=-1", method: .get).status == .badRequest)
        }
    }
}

extension TestResponse {
    /// The body as a JSON object (empty when it is not one).
    var object: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any] ?? [:]
    }
}
