import Foundation
import MillraceConfiguration
import MillraceCore
import MillraceTestSupport
import Testing

@Suite struct SimulationConfigurationTests {
    func load(_ text: String) throws -> SimulationConfiguration {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        return try SimulationConfiguration.load(path: try directory.write("scenarios.yaml", text))
    }

    @Test func scriptedFaultsWithRelativeAndAbsoluteOnsets() throws {
        let file = try load(
            """
            seed: 7
            randomScenarios: 2
            scenarios:
              - { id: F1, fault: outer_race_defect, location: non_drive_end, asset: demo/utilities/cooling-water/pump-1, onset: -7d, growth: exponential, rate: 2, timeToFailure: 30d }
              - { id: F2, fault: sensor_drift, signal: discharge_pressure, asset: demo/utilities/cooling-water/pump-2, onset: "2026-12-01T00:00:00Z", timeToFailure: 3d, magnitude: 0.4 }
              - { id: F3, fault: motor_overheating, cause: loss_of_cooling, asset: demo/packaging/line-1/conveyor, timeToFailure: 12h }
            """)
        #expect(file.seed == 7 && file.randomScenarios == 2 && file.scenarios.count == 3)
        let start = Timestamp(seconds: 1_795_000_000)
        #expect(file.scenarios[0].onsetTime(start: start) == start - .seconds(7 * 86_400))
        #expect(file.scenarios[1].onsetTime(start: start) == (try Timestamp(iso8601: "2026-12-01T00:00:00Z")))
        #expect(file.scenarios[2].onsetTime(start: start) == start)
        #expect(file.scenarios[2].growth == .linear)
    }

    @Test(arguments: [
        ("scenarios: [{ id: F1, fault: bearing_gone, asset: a/b/c, timeToFailure: 1d }]", "fault"),
        ("scenarios: [{ id: F1, fault: sensor_stuck, asset: a/b/c, timeToFailure: 1d }]", "signal"),
        ("scenarios: [{ id: F1, fault: imbalance, asset: a/b/c, timeToFailure: 10s }]", "timeToFailure"),
        ("scenarios: [{ id: F1, fault: imbalance, asset: a/b/c, onset: soon, timeToFailure: 1d }]", "onset"),
        ("scenarios: [{ id: F1, fault: imbalance, asset: a/b/c, timeToFailure: 1d }, { id: F1, fault: looseness, asset: a/b/c, timeToFailure: 1d }]", "id"),
        ("scenarios: [{ id: F1, fault: imbalance, asset: a/b/c, timeToFailure: 1d, colour: red }]", "colour"),
        ("randomScenarios: 1000", "randomScenarios"),
    ])
    func badScenarioFilesSayWhere(text: String, key: String) throws {
        let error = #expect(throws: ConfigurationError.self) { try self.load(text) }
        #expect(error?.keyPath.hasSuffix(key) == true, "\(error?.description ?? "no error")")
        #expect(error?.description.contains("\n") == false)
    }
}

@Suite struct ShippedScenarioFileTests {
    @Test func theExampleScenarioFileLoads() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/simulator/scenarios.yaml").path
        let file = try SimulationConfiguration.load(path: path)
        #expect(!file.scenarios.isEmpty)
    }
}
