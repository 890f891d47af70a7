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

    /// `millrace sim --backtest` with a scenario file: simulated time straight into a historian, ground truth
    /// next to it; a bad scenario file is refused with exit status 2 and the key at fault.
    @Test func backtestWithScriptedFaults() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let binary = try MillraceBinary.path()
        let scenarios = TestPeers.repository + "/examples/simulator/scenarios.yaml"
        let data = directory.file("backtest")
        let run = try await ChildProcess.run(
            binary,
            ["sim", "--backtest", "--from", "2026-11-01T00:00:00Z", "--duration", "10m", "--step", "10s", "--scenarios", scenarios,
             "--data-dir", data])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("from 2026-11-01T00:00:00Z"))
        let truth = try String(contentsOfFile: data + "/ground-truth.csv", encoding: .utf8)
        #expect(truth.contains("F1,demo/utilities/cooling-water/pump-1,outer_race_defect(drive_end)"))
        #expect(truth.contains("2026-10-30T00:00:00Z"))  // onset -2d
        let stats = try await ChildProcess.run(binary, ["historian", "stats", "--data-dir", data])
        #expect(stats.status == 0)
        #expect(stats.stdout.contains("demo.utilities.cooling-water.pump-1.vibration_velocity"))

        let bad = try directory.write("bad.yaml", "scenarios: [{ id: F1, fault: imbalance, asset: demo/nowhere/pump-9, timeToFailure: 1d }]")
        let refused = try await ChildProcess.run(binary, ["sim", "--backtest", "--duration", "1m", "--scenarios", bad, "--data-dir", directory.file("x")])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("scenarios[0].asset"))
    }
}
