#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Analytics
import MillraceCore
import Simulator

/// A plant with one cooling-water pump (and the meter the layout needs), sampled on a grid: the tags an asset
/// model is trained on and scored against. One pump instead of the whole demo plant keeps debug runs short.
enum PumpSimulation {
    static let start = Timestamp(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z
    static let tags = [
        "flow", "suction_pressure", "discharge_pressure", "motor_current", "motor_power",
        "motor_winding_temperature", "motor_bearing_temperature", "vibration_velocity", "acceleration_hf",
    ]

    static func pump() throws -> AssetPath { try AssetPath("demo/utilities/cooling-water/pump-1") }

    static func layout() throws -> PlantLayout {
        PlantLayout(
            lines: [], pumps: [try pump()], compressors: [], hvacUnits: [], boilers: [],
            energyMeter: try AssetPath("demo/utilities/electrical/main-meter"))
    }

    /// Whether the long evaluation was asked for (`MILLRACE_LONG_EVAL=1`, best with `-c release`).
    static var long: Bool { getenv("MILLRACE_LONG_EVAL") != nil }

    /// Runs the pump from `start` for `duration` seconds, returning one row every `interval` seconds (the mean of
    /// the 1 s readings in that interval, as a historian's average aggregate would).
    static func run(seed: UInt64, scenarios: [FaultScenario], duration: Int, interval: Int) throws -> MultivariateWindow {
        let pump = try pump()
        var plant = PlantSimulation(seed: seed, start: start, layout: try layout(), scenarios: scenarios)
        var times: [Timestamp] = []
        var rows: [[Double]] = []
        var sums = [Double](repeating: 0, count: tags.count)
        var count = 0
        for second in 1...duration {
            let signals = plant.advance(to: start + .seconds(Int64(second)))
            for signal in signals where signal.asset == pump {
                if let index = tags.firstIndex(of: signal.name), let value = signal.value.numericValue, value.isFinite {
                    sums[index] += value
                }
            }
            count += 1
            if second % interval == 0 {
                times.append(start + .seconds(Int64(second)))
                rows.append(sums.map { $0 / Double(count) })
                sums = [Double](repeating: 0, count: tags.count)
                count = 0
            }
        }
        return try MultivariateWindow(tags: tags, times: times, rows: rows)
    }
}
