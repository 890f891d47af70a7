import Foundation
import MillraceTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `millrace sim` serves the simulated plant as a Modbus device and writes the configuration that reads it;
/// `millrace run` with that configuration collects every signal through Modbus, as from a real plant.
@Suite(.serialized) struct SimulatorOverModbusTests {
    @Test func theWholePlantFlowsThroughModbus() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let config = directory.file("plant.yaml")
        let sim = try ChildProcess(executable: binary, arguments: ["sim", "--modbus-port", "0", "--write-config", config])
        try await sim.waitForOutput { out, _ in out.contains("READY") }
        let check = try await ChildProcess.run(binary, ["config", "check", config])
        #expect(check.status == 0, "\(check.stderr)")

        let (run, base) = try await ChildProcess.startMillrace(
            dataDirectory: directory.file("data"), arguments: ["--config", config], directory: directory.path)

        var tags: [[String: Any]] = []
        for _ in 0..<1200 {
            let (_, json) = try await HTTPTestClient.getJSON(base + "/api/v1/tags")
            tags = (json as? [String: Any])?["tags"] as? [[String: Any]] ?? []
            let good = tags.filter { ($0["current"] as? [String: Any])?["quality"] as? String == "good" }
            if !tags.isEmpty && good.count == tags.count { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(tags.count >= 50)
        let bad = tags.filter { ($0["current"] as? [String: Any])?["quality"] as? String != "good" }.compactMap { $0["id"] as? String }
        #expect(bad.isEmpty, "tags without a good value: \(bad.prefix(10))")
        let current = tags.first { $0["id"] as? String == "demo.packaging.line-1.conveyor.motor_current" }
        #expect(current?["unit"] as? String == "A")
        let amps = (current?["current"] as? [String: Any])?["value"] as? Double ?? -1
        #expect(amps >= 0 && amps < 100)

        run.signal(SIGTERM)
        #expect(try await run.waitForExit().status == 0)
        sim.signal(SIGTERM)
        #expect(try await sim.waitForExit().status == 0)
    }
}
