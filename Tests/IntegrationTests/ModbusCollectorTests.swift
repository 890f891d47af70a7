import Foundation
import MillraceTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The whole path a controls engineer uses: a Modbus device (pymodbus), a YAML configuration, `millrace run`,
/// values in the API with their quality — and a device power cycle that Millrace rides through by itself.
@Suite(.serialized, .enabled(if: TestPeers.pythonCanImport("pymodbus"), "needs pymodbus (scripts/test installs it)"))
struct ModbusCollectorTests {
    typealias Current = [String: (value: Any, quality: String, time: String)]

    func startDevice(port: Int, rtu: Bool = false) async throws -> ChildProcess {
        let command = TestPeers.python + [TestPeers.repository + "/scripts/peers/pymodbus_server.py", String(port)] + (rtu ? ["--rtu"] : [])
        let device = try ChildProcess(executable: command[0], arguments: Array(command.dropFirst()))
        try await device.waitForOutput(timeout: .seconds(120)) { out, _ in out.contains("READY") }
        return device
    }

    func currentValues(_ base: String) async throws -> Current {
        let (_, json) = try await HTTPTestClient.getJSON(base + "/api/v1/tags")
        var result: Current = [:]
        for tag in (json as? [String: Any])?["tags"] as? [[String: Any]] ?? [] {
            guard let id = tag["id"] as? String, let current = tag["current"] as? [String: Any] else { continue }
            result[id] = (current["value"] ?? NSNull(), current["quality"] as? String ?? "", current["time"] as? String ?? "")
        }
        return result
    }

    /// Polls until `predicate` holds for the current values (100 ms apart, at most 2 min).
    func waitFor(_ base: String, _ what: String, _ predicate: (Current) -> Bool) async throws {
        for _ in 0..<1200 {
            if predicate(try await currentValues(base)) { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("gave up waiting for \(what); last values: \(try await currentValues(base))")
    }

    @Test func pollsADeviceAndRidesThroughItsPowerCycle() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let port = try TestPeers.freePort()
        var device = try await startDevice(port: port)
        let config = try directory.write(
            "plant.yaml",
            """
            version: 1
            enterprise: Test
            sites:
              - id: s
                areas:
                  - id: a
                    lines:
                      - id: l
                        assets:
                          - id: pump
                            type: pump
                            tags:
                              - { id: hr10, connection: plc, address: "holding:10", type: uint16 }
                              - { id: hr20, connection: plc, address: "holding:20", type: int32 }
                              - { id: ir5, connection: plc, address: "30006", type: uint16, scale: 0.1, unit: bar }
                              - { id: coil3, connection: plc, address: "coil:3", type: bool }
                              - { id: bit, connection: plc, address: "holding:7.0", type: bool }
            connections:
              - id: plc
                type: modbus-tcp
                host: 127.0.0.1
                port: \(port)
                unitId: 1
                pollInterval: 200ms
                timeout: 300ms
            """)
        let (millrace, base) = try await ChildProcess.startMillrace(
            dataDirectory: directory.file("data"), arguments: ["--config", config], directory: directory.path)

        // The device's known values (scripts/peers/pymodbus_server.py): holding n = n, input n = 1000 + n.
        try await waitFor(base, "the first good values") { values in
            values["hr10"]?.quality == "good" && values["coil3"]?.quality == "good"
        }
        let values = try await currentValues(base)
        #expect(values["hr10"]?.value as? Int == 10)
        #expect(values["hr20"]?.value as? Int == 20 << 16 | 21)
        #expect(abs((values["ir5"]?.value as? Double ?? 0) - 100.5) < 1e-9)
        #expect(values["coil3"]?.value as? Bool == true)
        #expect(values["bit"]?.value as? Bool == true)  // holding 7 = 7: bit 0 set

        let metricsUp = String(decoding: try await HTTPTestClient.get(base + "/metrics").body, as: UTF8.self)
        #expect(metricsUp.contains("millrace_connection_up{connection=\"plc\"} 1"))

        // Power cycle: the device disappears; within a few polls every tag is bad / communication failure.
        device.signal(SIGKILL)
        _ = try await device.waitForExit()
        try await waitFor(base, "bad quality during the outage") { values in
            ["hr10", "hr20", "ir5", "coil3", "bit"].allSatisfy { values[$0]?.quality == "bad:communicationFailure" }
        }
        let metricsDown = String(decoding: try await HTTPTestClient.get(base + "/metrics").body, as: UTF8.self)
        #expect(metricsDown.contains("millrace_connection_up{connection=\"plc\"} 0"))
        // The device comes back on the same port: polling resumes by itself, no restart of Millrace.
        device = try await startDevice(port: port)
        try await waitFor(base, "good values after the device returned") { values in
            values["hr10"]?.quality == "good" && values["hr10"]?.value as? Int == 10
        }
        // The history of the outage is there: good, then bad, then good again.
        let (_, history) = try await HTTPTestClient.getJSON(base + "/api/v1/tags/hr10/samples?from=now-5m")
        let qualities = ((history as? [String: Any])?["samples"] as? [[String: Any]] ?? []).compactMap { $0["quality"] as? String }
        let firstBad = try #require(qualities.firstIndex(of: "bad:communicationFailure"))
        #expect(qualities[..<firstBad].contains("good"))
        #expect(qualities[firstBad...].contains("good"))

        millrace.signal(SIGTERM)
        let (status, _) = try await millrace.waitForExit()
        #expect(status == 0)
        device.signal(SIGKILL)
        _ = try await device.waitForExit()
    }

    /// A serial gateway that forwards RTU frames over TCP (pymodbus with RTU framing): the same configuration
    /// with `type: modbus-rtu-over-tcp` reads the same values.
    @Test func readsThroughAnRTUOverTCPGateway() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let port = try TestPeers.freePort()
        let device = try await startDevice(port: port, rtu: true)
        let config = try directory.write(
            "gateway.yaml",
            """
            version: 1
            enterprise: Test
            sites:
              - id: s
                areas:
                  - id: a
                    assets:
                      - id: dryer
                        tags:
                          - { id: hr10, connection: gw, address: "holding:10", type: uint16 }
                          - { id: hr20, connection: gw, address: "holding:20", type: int32 }
                          - { id: coil3, connection: gw, address: "coil:3", type: bool }
            connections:
              - { id: gw, type: modbus-rtu-over-tcp, host: 127.0.0.1, port: \(port), unitId: 1, pollInterval: 200ms, timeout: 300ms }
            """)
        let (millrace, base) = try await ChildProcess.startMillrace(
            dataDirectory: directory.file("data"), arguments: ["--config", config], directory: directory.path)
        try await waitFor(base, "good values through the gateway") { values in
            ["hr10", "hr20", "coil3"].allSatisfy { values[$0]?.quality == "good" }
        }
        let values = try await currentValues(base)
        #expect(values["hr10"]?.value as? Int == 10)
        #expect(values["hr20"]?.value as? Int == 20 << 16 | 21)
        #expect(values["coil3"]?.value as? Bool == true)
        millrace.signal(SIGTERM)
        #expect(try await millrace.waitForExit().status == 0)
        device.signal(SIGKILL)
        _ = try await device.waitForExit()
    }

    /// OT safety end to end (issue #7): a write reaches the real device only for a tag configured writable, by a
    /// principal allowed to write there, with a reason; allowed and refused writes are both in the audit trail; a
    /// write by another Modbus master (a pymodbus client) is seen and raised as a security alarm.
    @Test func writesReachTheDeviceOnlyForWritableTagsAndAreAudited() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let port = try TestPeers.freePort()
        let device = try await startDevice(port: port)
        defer { device.signal(SIGTERM) }
        let config = try directory.write(
            "plant.yaml",
            """
            version: 1
            enterprise: Test
            sites:
              - id: s
                areas:
                  - id: a
                    assets:
                      - id: chiller
                        type: hvac
                        tags:
                          - { id: setpoint, connection: plc, address: "holding:30", type: uint16, writable: true }
                          - { id: speed, connection: plc, address: "holding:10", type: uint16 }
            connections:
              - { id: plc, type: modbus-tcp, host: 127.0.0.1, port: \(port), pollInterval: 200ms, timeout: 300ms }
            """)
        let (millrace, base) = try await ChildProcess.startMillrace(
            dataDirectory: directory.file("data"), arguments: ["--config", config], directory: directory.path)
        try await waitFor(base, "the first good values") { $0["setpoint"]?.quality == "good" && $0["speed"]?.quality == "good" }

        let written = try await HTTPTestClient.postJSON(base + "/api/v1/tags/setpoint/write", ["value": 1234, "reason": "raise chilled-water setpoint for the test"])
        #expect(written.status == 200, "\(written.json)")
        #expect(written.json["written"] as? Bool == true)
        // The device holds the new value: polling reads it back.
        try await waitFor(base, "the written setpoint read back from the device") { ($0["setpoint"]?.value as? NSNumber)?.intValue == 1234 }

        let readOnly = try await HTTPTestClient.postJSON(base + "/api/v1/tags/speed/write", ["value": 99, "reason": "should be refused"])
        #expect(readOnly.status == 403)
        #expect((readOnly.json["message"] as? String)?.contains("not configured as writable") == true, "\(readOnly.json)")
        let noReason = try await HTTPTestClient.postJSON(base + "/api/v1/tags/setpoint/write", ["value": 5, "reason": " "])
        #expect(noReason.status == 403)
        let anonymous = try await HTTPTestClient.postJSON(base + "/api/v1/tags/setpoint/write", ["value": 5, "reason": "x"], authenticated: false)
        #expect(anonymous.status == 401)
        let wrongType = try await HTTPTestClient.postJSON(base + "/api/v1/tags/setpoint/write", ["value": "hot", "reason": "x"])
        #expect(wrongType.status == 400)
        // The refused writes changed nothing on the device.
        try await Task.sleep(for: .milliseconds(600))
        let values = try await currentValues(base)
        #expect((values["speed"]?.value as? NSNumber)?.intValue == 10)
        #expect((values["setpoint"]?.value as? NSNumber)?.intValue == 1234)

        // Millrace's own write raised no alarm; another master writing the setpoint does.
        let (_, before) = try await HTTPTestClient.getJSON(base + "/api/v1/events")
        #expect(((before as? [String: Any])?["events"] as? [[String: Any]])?.contains { $0["fault"] as? String == "externalWrite" } == false)
        let master = try directory.write(
            "master.py",
            """
            import sys
            from pymodbus.client import ModbusTcpClient
            client = ModbusTcpClient("127.0.0.1", port=int(sys.argv[1]))
            assert client.connect()
            try:
                result = client.write_register(30, 777, device_id=1)
            except TypeError:
                result = client.write_register(30, 777, slave=1)
            assert not result.isError(), result
            client.close()
            print("WRITTEN")
            """)
        let other = try await ChildProcess.run(TestPeers.python[0], Array(TestPeers.python.dropFirst()) + [master, String(port)])
        #expect(other.stdout.contains("WRITTEN"), "\(other.stderr)")
        var alarm: [String: Any]?
        for _ in 0..<300 where alarm == nil {
            let (_, json) = try await HTTPTestClient.getJSON(base + "/api/v1/events?asset=s/a/chiller")
            alarm = ((json as? [String: Any])?["events"] as? [[String: Any]])?.first { $0["fault"] as? String == "externalWrite" }
            if alarm == nil { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect((alarm?["title"] as? String)?.contains("1234 → 777") == true, "\(String(describing: alarm))")
        #expect(alarm?["kind"] as? String == "security")

        millrace.signal(SIGTERM)
        _ = try await millrace.waitForExit()
        let audit = try String(contentsOfFile: directory.file("data/audit.log"), encoding: .utf8)
        #expect(audit.contains("\"deviceWrite\"") && audit.contains("raise chilled-water setpoint for the test"))
        #expect(audit.components(separatedBy: "\"deviceWriteDenied\"").count - 1 == 2, "the read-only tag and the missing reason")
        let verify = try await ChildProcess.runMillrace(["audit", "verify", "--data-dir", directory.file("data")])
        #expect(verify.status == 0, "\(verify.stdout) \(verify.stderr)")
    }

}
