import API
import Foundation
import Historian
import Hummingbird
import HummingbirdTesting
import Logging
import MillraceCore
import MillraceTestSupport
import Testing

/// Aggregates, interpolation, plot and CSV over a known ramp: current = t / 10 A for t = 0 … 599 s.
@Suite struct HistoryRoutesTests {
    static let t0 = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z

    func withApp(_ body: @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await ChunkedHistorian.open(directory: directory.file("h"), logger: Logger(label: "test"))
        try await store.register(tags: [
            TagMetadata(id: TagID(unchecked: "ramp"), name: "Ramp", kind: .double, unit: .ampere),
            TagMetadata(id: TagID(unchecked: "state"), name: "State", kind: .string),
        ])
        try await store.append((0..<600).map { TaggedSample(tag: TagID(unchecked: "ramp"), time: Self.t0 + .seconds(Int64($0)), value: .double(Double($0) / 10)) })
        try await store.append([TaggedSample(tag: TagID(unchecked: "state"), time: Self.t0, value: .string("Running, \"fast\""))])
        let clock = TestClock(now: Self.t0 + .seconds(600))
        let (security, token) = try await APITestSecurity.make(clock: clock, directory: directory)
        let environment = APIEnvironment(store: store, clock: clock, version: "test", enterprise: "T", security: security)
        let app = Application(router: APIRouter.make(environment: environment))
        try await app.test(.router) { client in try await body(AuthorizedClient(client, token: token)) }
        try await store.close()
    }

    func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test func minuteAveragesOfARamp() async throws {
        try await withApp { client in
            let uri = "/api/v1/tags/ramp/aggregates?from=2026-01-01T00:00:00Z&to=2026-01-01T00:05:00Z&interval=1m&kind=mean"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                let buckets = try #require(try json(response.body)["buckets"] as? [[String: Any]])
                #expect(buckets.count == 5)
                // Minute k holds t = 60k … 60k + 59 s, values t / 10: mean = 6k + 2.95.
                for (k, bucket) in buckets.enumerated() {
                    #expect(abs((bucket["value"] as? Double ?? .nan) - (6 * Double(k) + 2.95)) < 1e-9)
                    #expect(bucket["count"] as? Int == 60)
                }
            }
            try await client.execute(uri: "/api/v1/tags/ramp/aggregates?from=2026-01-01T00:00:00Z&to=2026-01-01T00:02:00Z&interval=1m&kind=max", method: .get) { response in
                let buckets = try #require(try json(response.body)["buckets"] as? [[String: Any]])
                #expect(buckets.map { $0["value"] as? Double } == [5.9, 11.9])
            }
        }
    }

    @Test func interpolatedValuesFallOnTheLine() async throws {
        try await withApp { client in
            let uri = "/api/v1/tags/ramp/interpolated?from=2026-01-01T00:00:00.5Z&to=2026-01-01T00:00:02.5Z&interval=1s"
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .ok)
                let values = try #require(try json(response.body)["values"] as? [[String: Any]])
                #expect(values.compactMap { $0["value"] as? Double }.map { ($0 * 1000).rounded() / 1000 } == [0.05, 0.15, 0.25])
            }
        }
    }

    @Test func plotReducesTheRange() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/tags/ramp/plot?from=2026-01-01T00:00:00Z&to=2026-01-01T00:10:00Z&pixels=20", method: .get) { response in
                #expect(response.status == .ok)
                let points = try #require(try json(response.body)["points"] as? [[String: Any]])
                #expect(points.count <= 80 && points.count >= 20)
                let values = points.compactMap { $0["value"] as? Double }
                #expect(values.min() == 0 && values.max() == 59.9)
            }
        }
    }

    @Test func csvExportOfAnyHistoryQuery() async throws {
        try await withApp { client in
            try await client.execute(uri: "/api/v1/tags/ramp/aggregates?from=2026-01-01T00:00:00Z&to=2026-01-01T00:02:00Z&interval=1m&kind=min&format=csv", method: .get) { response in
                #expect(response.headers[.contentType]?.hasPrefix("text/csv") == true)
                let lines = String(buffer: response.body).split(separator: "\r\n")
                #expect(lines.first == "start,end,ramp,count,percent_good,quality")
                #expect(lines.dropFirst().first == "2026-01-01T00:00:00Z,2026-01-01T00:01:00Z,0,60,100,good")
            }
            try await client.execute(uri: "/api/v1/tags/state/interpolated?from=2026-01-01T00:00:00Z&to=2026-01-01T00:00:01Z&interval=1s&format=csv", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("\"Running, \"\"fast\"\"\""))
            }
        }
    }

    @Test func badHistoryRequestsGetClearErrors() async throws {
        try await withApp { client in
            for (uri, status, code) in [
                ("/api/v1/tags/nope/aggregates", HTTPResponse.Status.notFound, "unknownTag"),
                ("/api/v1/tags/ramp/aggregates?kind=median", .badRequest, "invalidParameter"),
                ("/api/v1/tags/ramp/aggregates?interval=0s", .badRequest, "invalidParameter"),
                ("/api/v1/tags/ramp/aggregates?interval=fast", .badRequest, "invalidParameter"),
                ("/api/v1/tags/ramp/aggregates?from=2000-01-01T00:00:00Z&interval=1s", .badRequest, "tooManyPoints"),
                ("/api/v1/tags/ramp/aggregates?quality=best", .badRequest, "invalidParameter"),
                ("/api/v1/tags/ramp/interpolated?from=now&to=now-1h", .badRequest, "invalidRange"),
                ("/api/v1/tags/ramp/plot?method=spline", .badRequest, "invalidParameter"),
                ("/api/v1/tags/ramp/plot?pixels=0", .badRequest, "invalidParameter"),
                ("/api/v1/tags/ramp/plot?pixels=1000000", .badRequest, "invalidParameter"),
            ] {
                try await client.execute(uri: uri, method: .get) { response in
                    #expect(response.status == status, "\(uri)")
                    #expect((try? json(response.body))?["code"] as? String == code, "\(uri)")
                }
            }
        }
    }
}
