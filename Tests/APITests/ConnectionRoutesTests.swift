import Collector
import Foundation
import HummingbirdTesting
import MillraceCore
import Testing

@Suite struct ConnectionRoutesTests {
    typealias F = APIFixture

    @Test func everyConnectionWithStateContactAndLastError() async throws {
        let registry = ConnectionStatusRegistry()
        registry.register(ConnectionStatus(id: "sim", name: "Simulator", protocol: "simulator", endpoint: "in-process (model motor)", tagCount: 5))
        registry.register(ConnectionStatus(id: "plc-1", name: "Line 1 PLC", protocol: "modbus-tcp", endpoint: "10.0.0.5:502 unit 1", tagCount: 12))
        registry.register(ConnectionStatus(id: "old", name: "Old", protocol: "modbus-tcp", endpoint: "10.0.0.6:502 unit 1", state: .disabled, tagCount: 3))
        registry.record(.inputStarted, for: "sim")
        registry.record(.batchDelivered(count: 5, usable: 5, failure: nil, at: F.t0), for: "sim")
        registry.record(.inputStarted, for: "plc-1")
        registry.record(.inputFailed("connection refused (10.0.0.5:502)", at: F.t0 + .seconds(2)), for: "plc-1")
        try await F.withApp(connections: registry) { client, _ in
            let body = try await F.get(client, "/api/v1/connections")
            let connections = try #require(body["connections"] as? [[String: Any]])
            #expect(connections.map { $0["name"] as? String } == ["sim", "plc-1", "old"])
            let sim = connections[0]
            #expect(sim["protocol"] as? String == "simulator")
            #expect(sim["state"] as? String == "connected")
            #expect(sim["lastContact"] as? String == "2026-01-01T00:00:00Z")
            #expect(sim["lastError"] is NSNull)
            #expect(sim["samplesRead"] as? Int == 5)
            #expect(sim["tagCount"] as? Int == 5)
            let plc = connections[1]
            #expect(plc["state"] as? String == "failed")
            #expect(plc["title"] as? String == "Line 1 PLC")
            #expect(plc["lastContact"] is NSNull)
            #expect(plc["lastError"] as? String == "connection refused (10.0.0.5:502)")
            #expect(plc["lastErrorTime"] as? String == "2026-01-01T00:00:02Z")
            #expect(connections[2]["state"] as? String == "disabled")
        }
    }

    @Test func noConnectionsIsAnEmptyList() async throws {
        try await F.withApp { client, _ in
            let body = try await F.get(client, "/api/v1/connections")
            #expect((body["connections"] as? [Any])?.isEmpty == true)
        }
    }
}
