import API
import Collector
import Events
import Foundation
import Historian
import Hummingbird
import HummingbirdTesting
import Logging
import MillraceConfiguration
import MillraceCore
import MillraceTestSupport
import Testing

/// A small plant for the asset, tag, connection and stream routes, over a real historian:
///
/// ```
/// demo (site)
///   packaging (area) / line-1 (line): motor-1 (motor: current good, speed uncertain and infinite), filler (no values)
///   utilities (area): pump-1 (pump: flow bad), fan-1 (fan: speed good but two hours old)
/// ```
enum APIFixture {
    static let t0 = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let now = t0 + .seconds(7200)

    static func tag(_ id: String, _ name: String, unit: String = "", description: String = "") -> TagConfiguration {
        TagConfiguration(
            id: TagID(unchecked: id), name: name, description: description, connection: "sim", address: "current",
            type: .float64, unit: EngineeringUnit(unit))
    }

    static let configuration = MillraceConfiguration(
        enterprise: "Test Foods",
        sites: [
            SiteConfiguration(
                id: "demo", name: "Demo plant",
                areas: [
                    AreaConfiguration(
                        id: "packaging", name: "Packaging",
                        lines: [
                            LineConfiguration(
                                id: "line-1", name: "Line 1",
                                assets: [
                                    AssetConfiguration(
                                        id: "motor-1", name: "Motor 1", type: .motor, description: "Conveyor drive",
                                        nameplate: ["manufacturer": "Simulated Motors Inc."],
                                        tags: [
                                            tag("line1.motor.current", "Motor current", unit: "A", description: "Phase A RMS"),
                                            tag("line1.motor.speed", "Shaft speed", unit: "rpm"),
                                        ]),
                                    AssetConfiguration(
                                        id: "filler", name: "Filler", type: .filler, tags: [tag("line1.filler.rate", "Fill rate")]),
                                ])
                        ]),
                    AreaConfiguration(
                        id: "utilities", name: "Utilities",
                        assets: [
                            AssetConfiguration(id: "pump-1", name: "Pump 1", type: .pump, tags: [tag("utilities.pump1.flow", "Flow", unit: "m³/h")]),
                            AssetConfiguration(id: "fan-1", name: "Fan 1", type: .fan, tags: [tag("utilities.fan1.speed", "Fan speed", unit: "rpm")]),
                        ]),
                ])
        ],
        connections: [ConnectionConfiguration(id: "sim", type: .simulator, model: .motor)])

    /// Runs `body` against an in-process router over a fresh store holding the fixture's values.
    static func withApp(
        configuration: MillraceConfiguration? = configuration, connections: ConnectionStatusRegistry = .init(),
        events: (any EventStore)? = nil,
        _ body: @Sendable (any TestClientProtocol, APIEnvironment) async throws -> Void
    ) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try await ChunkedHistorian.open(directory: directory.file("h"), logger: Logger(label: "test"))
        try await store.register(tags: (configuration ?? Self.configuration).tagMetadata)
        let id = { TagID(unchecked: $0) }
        try await store.append([
            TaggedSample(tag: id("utilities.fan1.speed"), time: t0, value: .double(1450)),
            TaggedSample(tag: id("line1.motor.current"), time: now - .seconds(1), value: .double(12.5)),
            TaggedSample(tag: id("line1.motor.speed"), time: now, value: .double(.infinity), quality: .uncertain),
            TaggedSample(tag: id("utilities.pump1.flow"), time: now, value: .double(0), quality: .communicationFailure),
        ])
        let clock = TestClock(now: now)
        let (security, token) = try await APITestSecurity.make(clock: clock, directory: directory)
        var configured = APIEnvironment(
            store: store, clock: clock, version: "test", enterprise: "Test Foods", security: security,
            configuration: configuration, connections: connections)
        configured.stream.minimumInterval = .zero
        configured.events = events
        let environment = configured
        let app = Application(router: APIRouter.make(environment: environment))
        try await app.test(.router) { client in try await body(AuthorizedClient(client, token: token), environment) }
        try await store.close()
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    static func get(_ client: any TestClientProtocol, _ uri: String) async throws -> [String: Any] {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .ok, "\(uri): \(String(buffer: response.body).prefix(300))")
        return try json(response.body)
    }

    static func expectError(_ client: any TestClientProtocol, _ uri: String, status: HTTPResponse.Status, code: String) async throws {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == status, "\(uri)")
        let body = try json(response.body)
        #expect(body["code"] as? String == code, "\(uri): \(body)")
        #expect(body["status"] as? Int == Int(status.code))
        #expect((body["message"] as? String)?.isEmpty == false)
    }
}
