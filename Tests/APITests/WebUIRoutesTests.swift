import API
import Foundation
import Historian
import Hummingbird
import HummingbirdTesting
import Logging
import MillraceCore
import MillraceTestSupport
import Testing

/// The web UI as the router serves it: files, the single page for the app's routes, 404s for the rest.
@Suite struct WebUIRoutesTests {
    func withApp(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await ChunkedHistorian.open(directory: directory.file("h"), logger: Logger(label: "test"))
        let clock = TestClock(now: Timestamp(seconds: 1_767_225_600))
        let (security, token) = try await APITestSecurity.make(clock: clock, directory: directory)
        let environment = APIEnvironment(store: store, clock: clock, version: "test", enterprise: "Test Foods", security: security)
        let app = Application(router: APIRouter.make(environment: environment))
        try await app.test(.router) { client in try await body(AuthorizedClient(client, token: token)) }
        try await store.close()
    }

    @Test func pagesOfTheAppGetTheIndexWithAStrictPolicy() async throws {
        try await withApp { client in
            for uri in ["/", "/trends", "/connections", "/assets/demo/packaging/line-1/conveyor", "/trends?tags=a,b&range=1h"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8", "\(uri)")
                    let policy = response.headers.first { $0.name.rawName == "Content-Security-Policy" }?.value ?? ""
                    #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), "\(policy)")
                    #expect(String(buffer: response.body).contains("/app.js"))
                }
            }
        }
    }

    @Test func filesAreServedWithTheirTypes() async throws {
        try await withApp { client in
            for (uri, type) in [("/app.js", "text/javascript; charset=utf-8"), ("/app.css", "text/css; charset=utf-8"), ("/favicon.svg", "image/svg+xml")] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .ok, "\(uri)")
                    #expect(response.headers[.contentType] == type, "\(uri)")
                }
            }
        }
    }

    @Test func unknownFilesAndAPIPathsAreNotFoundInTheAPIFormat() async throws {
        try await withApp { client in
            for uri in ["/nothing.js", "/api/v1/no-such-route", "/api/v1/stream-not-yet"] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == .notFound, "\(uri)")
                    let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                    #expect(body?["code"] as? String == "notFound", "\(uri)")
                }
            }
            // The API's own routes still answer.
            try await client.execute(uri: "/api/v1/tags", method: .get) { response in
                #expect(response.status == .ok)
            }
        }
    }
}
