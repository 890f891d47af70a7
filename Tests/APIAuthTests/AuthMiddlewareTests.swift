import APIAuth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MillraceCore
import MillraceSecurity
import SecurityStore
import Testing

@Suite struct AuthMiddlewareTests {
    /// Calls every route of `router` without credentials and returns those that did not answer 401.
    /// Works on any router built with `AuthMiddleware` first: the API's, once it is switched over.
    static func routesReachableWithoutCredentials<Context: AuthenticatedRequestContext>(
        _ router: Router<Context>, allowed: AuthMiddlewareConfiguration = AuthMiddlewareConfiguration()
    ) async throws -> [String] where Context.Source == ApplicationRequestContextSource {
        let entries = RouteInventory.entries(of: router)
        return try await Application(router: router).test(.router) { client in
            var reachable: [String] = []
            for entry in entries where !allowed.isPublic(entry.samplePath) {
                let response = try await client.execute(uri: entry.samplePath, method: entry.method)
                let body = (try? JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))) as? [String: Any]
                if response.status != .unauthorized || body?["code"] as? String != "unauthenticated"
                    || body?["status"] as? Int != 401 || response.headers[.wwwAuthenticate] == nil
                {
                    reachable.append("\(entry) answered \(response.status.code)")
                }
            }
            return reachable
        }
    }

    @Test func everyRouteButTheAllowListAnswers401WithoutCredentials() async throws {
        let app = try AuthTestApp()
        let entries = RouteInventory.entries(of: app.router)
        #expect(entries.count >= 12)
        #expect(entries.contains { $0.pattern == "/api/v1/assets/{path}/samples" && $0.samplePath == "/api/v1/assets/x/samples" })
        let allowed = AuthMiddlewareConfiguration(publicPrefixes: ["/assets/"])
        #expect(try await Self.routesReachableWithoutCredentials(app.router, allowed: allowed) == [])
        // The public ones are exactly the allow-list.
        let publicRoutes = Set(entries.filter { allowed.isPublic($0.samplePath) }.map(\.samplePath))
        #expect(publicRoutes == ["/healthz", "/api/v1/auth/login", "/api/v1/auth/setup", "/assets/app.js"])
    }

    @Test func unknownPathsAnswer401TooAndWrongCredentials401() async throws {
        let app = try AuthTestApp()
        try await app.application.test(.router) { client in
            #expect(try await client.execute(uri: "/no/such/route", method: .get).status == .unauthorized)
            for header in ["Bearer mr_api_nonsense", "Basic YWxpY2U6cGFzcw==", "Bearer", "Bearer mr_svc_" + String(repeating: "A", count: 43)] {
                let response = try await client.execute(uri: "/api/v1/tags", method: .get, headers: [.authorization: header])
                #expect(response.status == .unauthorized, "\(header)")
                #expect(response.object["code"] as? String == "unauthenticated")
            }
            let cookie = try await client.execute(uri: "/api/v1/tags", method: .get, headers: [.cookie: "mr_session=mr_ses_forged"])
            #expect(cookie.status == .unauthorized)
        }
    }

    @Test func securityHeadersOnEveryResponseAndHSTSOnlyUnderTLS() async throws {
        for tls in [false, true] {
            let app = try AuthTestApp(tls: tls)
            try await app.application.test(.router) { client in
                for uri in ["/healthz", "/api/v1/tags"] {
                    let response = try await client.execute(uri: uri, method: .get)
                    #expect(response.headers[HTTPField.Name("X-Frame-Options")!] == "DENY")
                    #expect(response.headers[.xContentTypeOptions] == "nosniff")
                    #expect(response.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                    #expect((response.headers[.strictTransportSecurity] != nil) == tls)
                }
            }
        }
    }

    @Test func scopedRolesCannotReadOrAcknowledgeOutsideTheirSubtree() async throws {
        let app = try AuthTestApp()
        try await app.addUser("contractor", RoleBinding(role: .operator, scope: try AssetPath("dayton/packaging/line-2")))
        try await app.application.test(.router) { client in
            let session = try #require(try await client.login("contractor").1)
            let inside = "asset=dayton/packaging/line-2/pump-3", outside = "asset=dayton/packaging/line-1/pump-3"
            #expect(try await client.execute(uri: "/api/v1/assets/p/samples?\(inside)", method: .get, headers: session.headers).status == .ok)
            #expect(try await client.execute(uri: "/api/v1/alarms/a1/acknowledge?\(inside)", method: .post, headers: session.headers).status == .ok)

            let read = try await client.execute(uri: "/api/v1/assets/p/samples?\(outside)", method: .get, headers: session.headers)
            #expect(read.status == .forbidden)
            #expect(read.object["code"] as? String == "forbidden")
            #expect((read.object["message"] as? String)?.contains("holds operator on dayton/packaging/line-2") == true)
            let acknowledge = try await client.execute(uri: "/api/v1/alarms/a1/acknowledge?\(outside)", method: .post, headers: session.headers)
            #expect(acknowledge.status == .forbidden)
            // Installation-wide reads and admin work need an unscoped binding.
            #expect(try await client.execute(uri: "/api/v1/tags", method: .get, headers: session.headers).status == .forbidden)
            #expect(try await client.execute(uri: "/api/v1/users/bob", method: .delete, headers: session.headers).status == .forbidden)
        }
    }

    @Test func cookieSessionsNeedTheCSRFHeaderOnUnsafeMethods() async throws {
        let app = try AuthTestApp()
        try await app.addUser("eng", RoleBinding(role: .engineer))
        try await app.application.test(.router) { client in
            let session = try #require(try await client.login("eng").1)
            let body = ["key": "x"]
            // GET needs no CSRF token.
            #expect(try await client.execute(uri: "/api/v1/tags", method: .get, headers: session.cookieOnly).status == .ok)
            let missing = try await client.json("/api/v1/config", .put, headers: session.cookieOnly, body: body)
            #expect(missing.status == .forbidden)
            #expect(missing.object["code"] as? String == "csrfFailed")
            var forged = session.cookieOnly
            forged[HTTPField.Name("X-CSRF-Token")!] = "AAAAAAAAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            #expect(try await client.json("/api/v1/config", .put, headers: forged, body: body).status == .forbidden)
            // A token from another session does not fit this one.
            let other = try #require(try await client.login("eng").1)
            var swapped = session.cookieOnly
            swapped[HTTPField.Name("X-CSRF-Token")!] = other.csrf
            #expect(try await client.json("/api/v1/config", .put, headers: swapped, body: body).status == .forbidden)
            let ok = try await client.json("/api/v1/config", .put, headers: session.headers, body: body)
            #expect(ok.status == .ok)
            #expect(ok.text == "set x")
        }
    }

    @Test func bearerTokensNeedNoCSRFAndStopWorkingWhenExpired() async throws {
        let app = try AuthTestApp()
        try await app.addUser("mes", RoleBinding(role: .engineer))
        let (token, _) = try await app.service.createAPIToken(
            owner: "mes", name: "mes", scopes: [.readData, .configure], lifetime: .seconds(3600), by: AuthTestApp.admin)
        let (readOnly, _) = try await app.service.createAPIToken(
            owner: "mes", name: "ro", scopes: [.readData], lifetime: .seconds(7200), by: AuthTestApp.admin)
        try await app.application.test(.router) { client in
            let bearer: HTTPFields = [.authorization: "Bearer \(token.text)"]
            #expect(try await client.json("/api/v1/config", .put, headers: bearer, body: ["key": "y"]).status == .ok)
            let scoped = try await client.json("/api/v1/config", .put, headers: [.authorization: "Bearer \(readOnly.text)"], body: ["key": "y"])
            #expect(scoped.status == .forbidden)
            #expect((scoped.object["message"] as? String)?.contains("was issued for [readData]") == true)
            app.clock.advance(by: .seconds(3600))
            let expired = try await client.execute(uri: "/api/v1/tags", method: .get, headers: bearer)
            #expect(expired.status == .unauthorized)
            #expect((expired.object["message"] as? String)?.contains("expired") == true)
        }
    }

    @Test func oversizedAndMalformedBodiesGet4xx() async throws {
        let app = try AuthTestApp(maximumBodySize: 1024)
        try await app.addUser("eng", RoleBinding(role: .engineer))
        try await app.application.test(.router) { client in
            let big = ByteBuffer(bytes: [UInt8](repeating: UInt8(ascii: "a"), count: 4096))
            let tooLarge = try await client.execute(uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"], body: big)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(tooLarge.object["code"] as? String == "bodyTooLarge")
            for malformed in ["{", "[]", "{\"username\": 1}", "\u{0}\u{1}", "{\"username\":\"a\"}", "null", ""] {
                let response = try await client.execute(
                    uri: "/api/v1/auth/login", method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: malformed))
                #expect((400..<500).contains(response.status.code), "\(malformed) -> \(response.status)")
            }
            let session = try #require(try await client.login("eng").1)
            let bad = try await client.execute(uri: "/api/v1/config", method: .put, headers: session.headers, body: ByteBuffer(string: "{\"key\": [1,"))
            #expect(bad.status == .badRequest)
        }
    }

    @Test func pathTraversalAndEncodedSeparatorsAreRefused() async throws {
        let app = try AuthTestApp()
        try await app.application.test(.router) { client in
            for uri in ["/assets/../api/v1/tags", "/assets/%2e%2e/api/v1/tags", "/assets/..%2fapi", "/assets/./app.js", "/assets/a%5c..%5cb", "/assets/%00"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == .badRequest, "\(uri) -> \(response.status)")
            }
            #expect(try await client.execute(uri: "/assets/app.js", method: .get).status == .ok)
        }
    }

    @Test func headerValuesWithLineBreaksAreRefusedOnTheWire() async throws {
        let app = try AuthTestApp()
        try await app.application.test(.live) { client in
            let port = try #require(client.port)
            for raw in [
                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Evil: a\rInjected: yes\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Evil: a\u{1}b\r\n\r\n",
                "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Evil: a\nInjected: yes\r\n\r\n",
            ] {
                let answer = try RawHTTP.exchange(port: port, raw)
                // NIO's HTTP parser refuses these before any middleware runs: 400 and the connection closed.
                #expect(answer.hasPrefix("HTTP/1.1 400"), "\(raw.debugDescription) -> \(answer.prefix(60))")
            }
            // The server is still there.
            #expect(try RawHTTP.exchange(port: port, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").hasPrefix("HTTP/1.1 200"))
        }
    }
}
