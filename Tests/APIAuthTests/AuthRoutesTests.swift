import APIAuth
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import MillraceCore
import MillraceSecurity
import SecurityStore
import Testing

@Suite struct AuthRoutesTests {
    @Test func setupCreatesTheFirstAdminOnceThroughTheAPI() async throws {
        let app = try AuthTestApp()
        let token = try #require(try await app.service.issueSetupTokenIfNeeded())
        try await app.application.test(.router) { client in
            #expect(try await client.execute(uri: "/api/v1/auth/setup", method: .get).object["setupRequired"] as? Bool == true)
            let wrong = try await client.json(
                "/api/v1/auth/setup", .post, body: ["token": "mr_setup_x", "username": "admin", "password": AuthTestApp.password])
            #expect(wrong.status == .unauthorized)
            let created = try await client.json(
                "/api/v1/auth/setup", .post, body: ["token": token.text, "username": "admin", "password": AuthTestApp.password])
            #expect(created.status == .created)
            #expect(created.object["username"] as? String == "admin")
            let again = try await client.json(
                "/api/v1/auth/setup", .post, body: ["token": token.text, "username": "admin2", "password": AuthTestApp.password])
            #expect(again.status == .conflict)
            #expect(try await client.execute(uri: "/api/v1/auth/setup", method: .get).object["setupRequired"] as? Bool == false)
            #expect(try await client.login("admin").1 != nil)
        }
    }

    @Test func loginSetsStrictHttpOnlyCookiesSecureOnlyUnderTLS() async throws {
        for tls in [false, true] {
            let app = try AuthTestApp(tls: tls)
            try await app.addUser("alice", RoleBinding(role: .viewer))
            try await app.application.test(.router) { client in
                let (response, session) = try await client.login("alice")
                #expect(response.status == .ok)
                let cookies = response.headers[values: .setCookie]
                let sessionCookie = try #require(cookies.first { $0.hasPrefix("mr_session=mr_ses_") })
                #expect(sessionCookie.contains("HttpOnly"))
                #expect(sessionCookie.contains("SameSite=Strict"))
                #expect(sessionCookie.contains("Path=/"))
                #expect(sessionCookie.contains("Secure") == tls)
                let csrfCookie = try #require(cookies.first { $0.hasPrefix("mr_csrf=") })
                #expect(!csrfCookie.contains("HttpOnly"))  // the page's script reads it
                #expect(response.object["csrfToken"] as? String == session?.csrf)

                let me = try await client.execute(uri: "/api/v1/auth/me", method: .get, headers: try #require(session).cookieOnly)
                #expect(me.status == .ok)
                #expect(me.object["id"] as? String == "alice")
                #expect(me.object["kind"] as? String == "user")
            }
        }
    }

    @Test func wrongPasswordsAnswer401AndALockoutAnswers429WithRetryAfter() async throws {
        let app = try AuthTestApp()
        try await app.addUser("alice", RoleBinding(role: .viewer))
        try await app.application.test(.router) { client in
            for _ in 0..<5 {
                let (response, _) = try await client.login("alice", password: "wrong wrong wrong")
                #expect(response.status == .unauthorized)
                #expect(response.object["code"] as? String == "invalidCredentials")
            }
            let (unknown, _) = try await client.login("nobody", password: "wrong wrong wrong")
            #expect(unknown.object["message"] as? String == "invalid user name, password or code")
            let (locked, _) = try await client.login("alice")
            #expect(locked.status == .tooManyRequests)
            #expect(locked.headers[.retryAfter] == "60")
        }
    }

    @Test func logoutEndsTheSessionAndClearsTheCookies() async throws {
        let app = try AuthTestApp()
        try await app.addUser("alice", RoleBinding(role: .viewer))
        try await app.application.test(.router) { client in
            let session = try #require(try await client.login("alice").1)
            let logout = try await client.execute(uri: "/api/v1/auth/logout", method: .post, headers: session.headers)
            #expect(logout.status == .noContent)
            #expect(logout.headers[values: .setCookie].allSatisfy { $0.contains("Max-Age=0") })
            #expect(try await client.execute(uri: "/api/v1/auth/me", method: .get, headers: session.cookieOnly).status == .unauthorized)
        }
    }

    @Test func anAdminWithoutMFAEnrollsBeforeDoingAnythingElseThenLogsInWithACode() async throws {
        let app = try AuthTestApp(mfaPolicy: MFAPolicy())  // admins need a second factor
        try await app.addUser("root", RoleBinding(role: .admin))
        try await app.application.test(.router) { client in
            let (first, maybeSession) = try await client.login("root")
            #expect(first.object["mfaEnrollmentRequired"] as? Bool == true)
            let session = try #require(maybeSession)
            let blocked = try await client.execute(uri: "/api/v1/tags", method: .get, headers: session.headers)
            #expect(blocked.status == .forbidden)
            #expect(blocked.object["code"] as? String == "mfaEnrollmentRequired")

            let enroll = try await client.execute(uri: "/api/v1/auth/mfa/enroll", method: .post, headers: session.headers)
            #expect(enroll.status == .ok)
            let secret = try #require(enroll.object["secret"] as? String)
            #expect((enroll.object["otpauthURI"] as? String)?.hasPrefix("otpauth://totp/") == true)
            let totp = try TOTP(secret: try Base32.decode(secret))
            let confirm = try await client.json(
                "/api/v1/auth/mfa/confirm", .post, headers: session.headers, body: ["code": totp.code(at: app.clock.now())])
            #expect(confirm.status == .ok)
            #expect((confirm.object["recoveryCodes"] as? [String])?.count == 10)
            #expect(try await client.execute(uri: "/api/v1/tags", method: .get, headers: session.headers).status == .ok)

            // The next login needs the code.
            let (noCode, _) = try await client.login("root")
            #expect(noCode.status == .unauthorized)
            #expect(noCode.object["code"] as? String == "mfaRequired")
            app.clock.advance(by: .seconds(30))
            let (withCode, second) = try await client.login("root", totp: totp.code(at: app.clock.now()))
            #expect(withCode.status == .ok)
            #expect(withCode.object["mfaVerified"] as? Bool == true)
            #expect(try await client.execute(uri: "/api/v1/tags", method: .get, headers: try #require(second).headers).status == .ok)
        }
    }

    @Test func apiTokensCannotEnrollMFA() async throws {
        let app = try AuthTestApp()
        try await app.addUser("mes", RoleBinding(role: .viewer))
        let (token, _) = try await app.service.createAPIToken(
            owner: "mes", name: "x", scopes: [.readData], lifetime: .seconds(60), by: AuthTestApp.admin)
        try await app.application.test(.router) { client in
            let response = try await client.execute(
                uri: "/api/v1/auth/mfa/enroll", method: .post, headers: [.authorization: "Bearer \(token.text)"])
            #expect(response.status == .forbidden)
        }
    }
}
