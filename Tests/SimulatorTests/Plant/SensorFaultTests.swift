import MillraceCore
import Simulator
import Testing

/// Sensor faults change what the transmitter reports, not the process: the same seed with and without the
/// fault gives the same physics, so the faulty signal can be compared with the truth sample by sample.
@Suite struct SensorFaultTests {
    let start = Timestamp(seconds: 1_767_225_600)
    let pump = try! AssetPath("demo/utilities/cooling-water/pump-1")

    /// The values of `signal` on pump-1, second by second, with and without `fault` (onset after 10 minutes,
    /// failure one hour later).
    func series(_ fault: FaultKind, signal: String, growth: FaultGrowth = .linear, seconds: Int = 4_800)
        -> (truth: [Double?], reported: [Double?])
    {
        let onset = start + .seconds(600)
        let scenario = FaultScenario(
            id: "F1", fault: fault, asset: pump, onset: onset, growth: growth, timeToFailure: .seconds(3_600))
        var healthy = PlantSimulation(seed: 21, start: start)
        var faulty = PlantSimulation(seed: 21, start: start, scenarios: [scenario])
        var truth: [Double?] = []
        var reported: [Double?] = []
        for second in 1...seconds {
            let time = start + .seconds(Int64(second))
            truth.append(healthy.advance(to: time).first { $0.asset == pump && $0.name == signal }?.value.numericValue)
            reported.append(
                faulty.advance(to: time).first { $0.asset == pump && $0.name == signal }?.value.numericValue)
        }
        return (truth, reported)
    }

    @Test func stuckSensorFreezesAtItsLastValue() {
        let (truth, reported) = series(
            .sensorStuck(signal: "flow"), signal: "flow", growth: .step(level: 1), seconds: 1_800)
        #expect(Array(truth[0..<599]) == Array(reported[0..<599]))
        let frozen = Set(reported[600...].compactMap { $0 })
        #expect(frozen.count == 1)
        #expect(Set(truth[600...].compactMap { $0 }).count > 100)
    }

    @Test func driftingSensorReachesItsOffsetAtFailure() {
        let (truth, reported) = series(
            .sensorDrift(signal: "discharge_pressure", offsetAtFailure: 0.8), signal: "discharge_pressure")
        let offsets = zip(truth, reported).map { ($1 ?? .nan) - ($0 ?? .nan) }
        #expect(offsets[0..<599].allSatisfy { abs($0) < 1e-9 })
        // Halfway (30 min after onset) 0.4 bar; from failure on, 0.8 bar.
        #expect(abs(offsets[600 + 1_800 - 1] - 0.4) < 0.01)
        #expect(offsets[(600 + 3_600)...].allSatisfy { abs($0 - 0.8) < 1e-9 })
    }

    @Test func spikingSensorShowsIsolatedSpikes() {
        let (truth, reported) = series(
            .sensorSpikes(signal: "motor_winding_temperature", magnitude: 25), signal: "motor_winding_temperature")
        let deviations = zip(truth, reported).map { abs(($1 ?? .nan) - ($0 ?? .nan)) }
        #expect(deviations[0..<599].allSatisfy { $0 < 1e-9 })
        let spikes = deviations[600...].filter { $0 > 10 }.count
        #expect(spikes > 20 && spikes < 400, "\(spikes) spikes")
        // Between spikes the value is untouched.
        #expect(deviations[600...].filter { $0 > 1e-9 }.count == spikes)
    }

    @Test func droppingSensorLosesAGrowingFractionOfSamples() {
        let (truth, reported) = series(.sensorDropout(signal: "flow"), signal: "flow")
        #expect(truth.allSatisfy { $0 != nil })
        #expect(reported[0..<599].allSatisfy { $0 != nil })
        let early = reported[600..<1_200].filter { $0 == nil }.count  // severity 0…1/6
        let late = reported[3_000..<3_600].filter { $0 == nil }.count  // severity 2/3…5/6
        #expect(early < late && late > 300)
        #expect(reported[(600 + 3_600)...].allSatisfy { $0 == nil })
    }
}
