import Foundation
import MillraceTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The dashboard API of the real binary: the asset tree and connections from the configuration, a Modbus
/// device that is not there showing as disconnected with its error, and live samples over SSE.
@Suite(.serialized) struct DashboardAPITests {
    static func config(deadPort: Int) -> String {
        """
        version: 1
        enterprise: Integration Foods
        sites:
          - id: demo
            areas:
              - id: packaging
                lines:
                  - id: line-1
                    assets:
                      - id: motor-1
                        name: Motor 1
                        type: motor
                        nameplate: { manufacturer: Simulated Motors Inc. }
                        tags:
                          - { id: line1.motor.current, connection: sim, address: current, type: float64, unit: A }
                          - { id: line1.motor.speed, connection: sim, address: speed, type: float64, unit: rpm }
                      - id: plc-motor
                        type: motor
                        tags:
                          - { id: line1.plc.current, connection: plc, address: "holding:0", type: float32, unit: A }
                      - id: spare
                        type: pump
                        tags:
                          - { id: line1.spare.flow, connection: off, address: current, type: float64 }
        connections:
          - { id: sim, type: simulator, model: motor, pollInterval: 200ms }
          - { id: plc, name: Line 1 PLC, type: modbus-tcp, host: 127.0.0.1, port: \(deadPort), timeout: 200ms, pollInterval: 500ms }
          - { id: off, type: simulator, model: motor, enabled: false }
        """
    }

    func connections(_ base: String) async throws -> [String: [String: Any]] {
        let (_, json) = try await HTTPTestClient.getJSON(base + "/api/v1/connections")
        let list = (json as? [String: Any])?["connections"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["name"] as? String ?? "", $0) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func assetsConnectionsAndLiveSamplesFromARunningPlatform() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let config = directory.file("plant.yaml")
        try Self.config(deadPort: try TestPeers.freePort()).write(toFile: config, atomically: true, encoding: .utf8)
        let (run, base) = try await ChildProcess.startMillrace(
            dataDirectory: directory.file("data"), arguments: ["--config", config], directory: directory.path)

        // Wait (a condition, with the helper's overall limit) until both inputs have reported.
        var states: [String: [String: Any]] = [:]
        for _ in 0..<600 {
            states = try await connections(base)
            if states["sim"]?["state"] as? String == "connected", states["plc"]?["lastError"] is String { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(states["sim"]?["protocol"] as? String == "simulator")
        #expect(states["sim"]?["state"] as? String == "connected")
        #expect(states["sim"]?["lastContact"] is String)
        #expect((states["sim"]?["samplesRead"] as? Int ?? 0) > 0)
        #expect(states["plc"]?["protocol"] as? String == "modbus-tcp")
        #expect(states["plc"]?["title"] as? String == "Line 1 PLC")
        #expect(["disconnected", "connecting", "failed"].contains(states["plc"]?["state"] as? String ?? ""), "\(states["plc"] ?? [:])")
        #expect(states["plc"]?["lastContact"] is NSNull)
        #expect(states["off"]?["state"] as? String == "disabled")

        let (_, tree) = try await HTTPTestClient.getJSON(base + "/api/v1/assets")
        let site = ((tree as? [String: Any])?["nodes"] as? [[String: Any]])?.first
        #expect(site?["path"] as? String == "demo")
        #expect(site?["tagCount"] as? Int == 4)

        let (status, detail) = try await HTTPTestClient.getJSON(base + "/api/v1/assets/demo/packaging/line-1/motor-1")
        #expect(status == 200)
        let asset = detail as? [String: Any]
        #expect((asset?["nameplate"] as? [String: String])?["manufacturer"] == "Simulated Motors Inc.")
        #expect((asset?["template"] as? [String: Any])?["type"] as? String == "motor")
        #expect((asset?["tags"] as? [Any])?.count == 2)

        let (streamStatus, body) = try await HTTPTestClient.get(base + "/api/v1/stream?asset=demo/packaging/line-1/motor-1&maxEvents=2")
        #expect(streamStatus == 200)
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.components(separatedBy: "event: samples\n").count == 3, "\(text.prefix(500))")
        #expect(text.contains("\"tag\":\"line1.motor.current\""))
        #expect(!text.contains("line1.plc.current"), "the subtree filter keeps other assets out")

        let (missing, _) = try await HTTPTestClient.getJSON(base + "/api/v1/assets/demo/nowhere")
        #expect(missing == 404)
        let (openapi, _) = try await HTTPTestClient.getJSON(base + "/api/v1/openapi.json")
        #expect(openapi == 200)
        let (page, html) = try await HTTPTestClient.get(base + "/assets/demo/packaging")
        #expect(page == 200)
        #expect(String(decoding: html, as: UTF8.self).contains("<title>Millrace"))

        run.signal(SIGTERM)
        #expect(try await run.waitForExit().status == 0)
    }
}
