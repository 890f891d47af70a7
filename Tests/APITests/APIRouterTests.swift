import API
import Foundation
import Historian
import Hummingbird
import HummingbirdTesting
import Logging
import MillraceCore
import MillraceTestSupport
import Testing

@Suite struct APIRouterTests {
    static let t0 = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z
    let motorCurrent = TagID(unchecked: "line1.motor.current")
    let running = TagID(unchecked: "line1.motor.running")

    /// Runs `body` against an in-process router over a fresh store holding ten minutes of samples.
    func withApp(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await ChunkedHistorian.open(directory: directory.file("h"), logger: Logger(label: "test"))
        try await store.register(tags: [
            TagMetadata(id: motorCurrent, name: "Motor current", asset: try AssetPath("demo/pack/line-1/motor"), kind: .double, unit: .ampere, connection: "sim"),
            TagMetadata(id: running, name: "Running", asset: try AssetPath("demo/pack/line-1/motor"), kind: .bool),
        ])
        try await store.append((0..<600).map { TaggedSample(tag: motorCurrent, time: Self.t0 + .seconds(Int64($0)), value: .double(Double($0) / 10)) })
        try await store.append([TaggedSample(tag: motorCurrent, time: Self.t0 + .seconds(600), value: .double(.nan), quality: .communicationFailure)])
        let clock = TestClock(now: Self.t0 + .seconds(601))
        let (security, token) = try await APITestSecurity.make(clock: clock, directory: directory)
        let environment = APIEnvironment(store: store, clock: clock, version: "test", enterprise: "Test Foods", security: security)
        let app = Application(router: APIRouter.make(environment: environment))
        try await app.test(.router) { client in try await body(AuthorizedClient(client, token: token)) }
        try await store.close()
    }

    func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    func expectError(_ client: any TestClientProtocol, _ uri: String, status: HTTPResponse.Status, code: String) async throws {
        try await client.execute(uri: uri, method: .get) { response in
            #expect(response.status == status, "\(uri)")
            let body = try json(response.body)
            #expect(body["code"] as? String == code, "\(uri)")
            #expect(body["status"] as? Int == Int(status.code))
            #expect((body["message"] as? String)?.isEmpty == false)
        }
    }

    @Test func healthReportsOK() async throws {
        try await withApp { client in
            try await client.execute(uri: "/healthz", method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                #expect(body["status"] as? String == "ok")
                #expect(body["version"] as? String == "test")
            }
        }
    }

    @Test func tagListCarriesMetadataAndCurrentValues() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/tags", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                let body = try json(response.body)
                #expect(body["enterprise"] as? String == "Test Foods")
                let tags = try #require(body["tags"] as? [[String: Any]])
                let current = try #require(tags.first { $0["id"] as? String == "line1.motor.current" })
                #expect(current["unit"] as? String == "A")
                #expect(current["asset"] as? String == "demo/pack/line-1/motor")
                let value = try #require(current["current"] as? [String: Any])
                #expect(value["quality"] as? String == "bad:communicationFailure")
                #expect(value["value"] is NSNull)
                #expect(value["time"] as? String == "2026-01-01T00:10:00Z")
                let on = try #require(tags.first { $0["id"] as? String == "line1.motor.running" })
                #expect(on["current"] is NSNull || on["current"] == nil)
            }
        }
    }

    @Test func samplesInARangeWithPagination() async throws {
        try await withApp { client in
            let uri = "/api/v1/tags/line1.motor.current/samples?from=2026-01-01T00:01:00Z&to=2026-01-01T02:00:00%2B01:00&limit=5"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                let body = try json(response.body)
                let samples = try #require(body["samples"] as? [[String: Any]])
                #expect(samples.count == 5)
                #expect(samples.first?["time"] as? String == "2026-01-01T00:01:00Z")
                #expect(samples.first?["value"] as? Double == 6.0)
                #expect(body["to"] as? String == "2026-01-01T01:00:00Z")
                #expect(body["next"] as? String == "2026-01-01T00:01:04.000001Z")
            }
            try await client.execute(uri: "/api/v1/tags/line1.motor.current/samples?from=now-30s", method: .get) { response in
                let body = try json(response.body)
                let samples = try #require(body["samples"] as? [[String: Any]])
                #expect(samples.count == 30)  // 00:09:31 ... 00:10:00, the last one NaN as null
                #expect(samples.last?["value"] is NSNull)
                #expect(body["next"] == nil || body["next"] is NSNull)
            }
        }
    }

    @Test func badRequestsGetClearErrors() async throws {
        try await withApp { client in
            try await expectError(client, "/api/v1/tags/no.such.tag/samples", status: .notFound, code: "unknownTag")
            try await expectError(client, "/api/v1/tags/bad%20id/samples", status: .notFound, code: "unknownTag")
            try await expectError(client, "/api/v1/tags/line1.motor.current/samples?from=yesterday", status: .badRequest, code: "invalidTime")
            try await expectError(client, "/api/v1/tags/line1.motor.current/samples?from=2026-02-30T00:00:00Z", status: .badRequest, code: "invalidTime")
            try await expectError(client, "/api/v1/tags/line1.motor.current/samples?to=now-1x", status: .badRequest, code: "invalidTime")
            try await expectError(client, "/api/v1/tags/line1.motor.current/samples?from=3000-01-01T00:00:00Z", status: .badRequest, code: "invalidTime")
            try await expectError(
                client, "/api/v1/tags/line1.motor.current/samples?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
                status: .badRequest, code: "invalidRange")
            try await expectError(client, "/api/v1/tags/line1.motor.current/samples?limit=0", status: .badRequest, code: "invalidParameter")
            try await expectError(client, "/api/v1/tags/line1.motor.current/samples?limit=abc", status: .badRequest, code: "invalidParameter")
            try await expectError(client, "/api/v1/tags/line1.motor.current/samples?limit=100000000", status: .badRequest, code: "invalidParameter")
            try await expectError(client, "/api/v1/nothing-here", status: .notFound, code: "notFound")
        }
    }

    @Test func metricsAreServedInThePrometheusFormat() async throws {
        try await withApp { client in
            try await client.execute(uri: "/metrics", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            }
        }
    }

    @Test func pageIsServedAndReadsTheAPI() async throws {
        try await withApp { client in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                let html = String(buffer: response.body)
                #expect(html.contains("/api/v1/tags"))
                #expect(html.contains("<title>Millrace"))
            }
        }
    }
}
