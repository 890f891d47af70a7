import MillraceCore
import Simulator
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Faults injected through scenarios show in the plant's signals and waveforms.
@Suite struct PlantFaultTests {
    let start = Timestamp(seconds: 1_767_225_600)
    let pump = try! AssetPath("demo/utilities/cooling-water/pump-1")
    let conveyor = try! AssetPath("demo/packaging/line-1/conveyor")
    let compressor = try! AssetPath("demo/utilities/compressed-air/compressor-1")
    let filler = try! AssetPath("demo/packaging/line-1/filler")

    /// A scenario already at `severity` from the start, staying there for the test (a step curve).
    func scenario(_ fault: FaultKind, on asset: AssetPath, severity: Double = 1, id: String = "T1") -> FaultScenario {
        FaultScenario(
            id: id, fault: fault, asset: asset, onset: start - .seconds(1), growth: .step(level: severity),
            timeToFailure: .seconds(365 * 86_400))
    }

    /// Runs both plants second by second and returns the last signals of `asset` from each.
    func compare(
        _ scenarios: [FaultScenario], seconds: Int, asset: AssetPath, seed: UInt64 = 5
    ) -> (healthy: [String: DataValue], faulty: [String: DataValue]) {
        var healthy = PlantSimulation(seed: seed, start: start)
        var faulty = PlantSimulation(seed: seed, start: start, scenarios: scenarios)
        // The physics steps at one second whatever the reading interval; reading once a minute is quicker.
        var a: [PlantSignal] = []
        var b: [PlantSignal] = []
        for second in Array(stride(from: 60, to: seconds, by: 60)) + [seconds] {
            a = healthy.advance(to: start + .seconds(Int64(second)))
            b = faulty.advance(to: start + .seconds(Int64(second)))
        }
        func table(_ signals: [PlantSignal]) -> [String: DataValue] {
            Dictionary(
                signals.filter { $0.asset == asset }.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        }
        return (table(a), table(b))
    }

    func number(_ table: [String: DataValue], _ name: String) -> Double { table[name]?.numericValue ?? .nan }

    @Test func cavitationLowersNPSHMarginAndFlowAndRaisesHighFrequencyVibration() {
        let (healthy, faulty) = compare(
            [scenario(.pumpCavitation, on: pump, severity: 0.85)], seconds: 120, asset: pump)
        #expect(number(faulty, "npsh_margin") < 0.5 && number(healthy, "npsh_margin") > 5)
        #expect(number(faulty, "flow") < 0.9 * number(healthy, "flow"))
        #expect(number(faulty, "acceleration_hf") > 5 * number(healthy, "acceleration_hf"))
        // Discharge pressure fluctuates: its spread over a minute is far larger than the transmitter noise.
        var plant = PlantSimulation(
            seed: 5, start: start, scenarios: [scenario(.pumpCavitation, on: pump, severity: 0.85)])
        var healthyPlant = PlantSimulation(seed: 5, start: start)
        func spread(_ plant: inout PlantSimulation) -> Double {
            let values = (1...60).compactMap { second in
                plant.advance(to: start + .seconds(Int64(second))).first {
                    $0.asset == pump && $0.name == "discharge_pressure"
                }?
                .value.numericValue
            }
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        }
        #expect(spread(&plant) > 2 * spread(&healthyPlant))
        // And the waveform shows it in 2–10 kHz.
        let synthesizer = VibrationSynthesizer(sampleRate: 25_600, sampleCount: 16_384)
        let faultyBlock = plant.waveform(of: pump, synthesizer: synthesizer)!
        let healthyBlock = healthyPlant.waveform(of: pump, synthesizer: synthesizer)!
        let band = 2_000.0...10_000.0
        #expect(
            SpectrumAnalysis(faultyBlock.samples, sampleRate: 25_600).power(in: band)
                > 10 * SpectrumAnalysis(healthyBlock.samples, sampleRate: 25_600).power(in: band))
    }

    @Test func brokenRotorBarPutsSidebandsAtTwiceSlipFrequencyAroundTheLine() {
        var plant = PlantSimulation(
            seed: 5, start: start, scenarios: [scenario(.brokenRotorBar(sidebandDB: -30), on: pump)])
        var healthyPlant = PlantSimulation(seed: 5, start: start)
        _ = plant.advance(to: start + .seconds(60))
        _ = healthyPlant.advance(to: start + .seconds(60))
        // 32,768 samples at 2,048 Hz: 16 s, 0.0625 Hz per bin, enough to separate sidebands ~2 Hz apart.
        let synthesizer = CurrentSignatureSynthesizer(sampleRate: 2_048, sampleCount: 32_768)
        let source = plant.motorCurrentSource(of: pump)!
        let spectrum = SpectrumAnalysis(
            plant.currentWaveform(of: pump, synthesizer: synthesizer)!.samples, sampleRate: 2_048, hann: true)
        let healthy = SpectrumAnalysis(
            healthyPlant.currentWaveform(of: pump, synthesizer: synthesizer)!.samples, sampleRate: 2_048, hann: true)
        let line = source.lineFrequency
        let spacing = 2 * source.slip * line
        #expect(spacing > 0.5 && spacing < 3)
        let carrier = spectrum.amplitude(near: line, tolerance: 0.1)
        for sideband in [line - spacing, line + spacing] {
            let peak = spectrum.peakBin(in: (sideband - 0.4)...(sideband + 0.4))
            #expect(
                abs(peak - spectrum.bin(of: sideband)) <= 1,
                "sideband peak at \(spectrum.frequency(of: peak)) Hz, expected \(sideband) Hz")
            let level = 20 * log10(spectrum.amplitudes[peak] / carrier)
            #expect(level > -36 && level < -24, "sideband at \(level) dB")
            #expect(spectrum.amplitudes[peak] > 10 * healthy.amplitude(near: sideband, tolerance: 0.1))
        }
    }

    @Test func phaseUnbalanceShowsInThePhaseCurrentsAndHeatsTheWinding() {
        let (healthy, faulty) = compare(
            [scenario(.phaseUnbalance(maximumPercent: 10), on: pump)], seconds: 3_600, asset: pump)
        func unbalance(_ table: [String: DataValue]) -> Double {
            let phases = ["motor_current_a", "motor_current_b", "motor_current_c"].map { number(table, $0) }
            let mean = phases.reduce(0, +) / 3
            return phases.map { abs($0 - mean) }.max()! / mean
        }
        #expect(unbalance(faulty) > 0.08 && unbalance(healthy) < 0.03)
        #expect(number(faulty, "motor_winding_temperature") > number(healthy, "motor_winding_temperature") + 3)
    }

    @Test func lossOfCoolingAndOverloadOverheatTheWinding() {
        for cause in OverheatingCause.allCases {
            let (healthy, faulty) = compare(
                [scenario(.motorOverheating(cause), on: pump)], seconds: 4 * 3_600, asset: pump)
            let rise = number(faulty, "motor_winding_temperature") - number(healthy, "motor_winding_temperature")
            #expect(rise > 15, "\(cause): +\(rise) K")
            if cause == .overload {
                #expect(number(faulty, "motor_current") > 1.2 * number(healthy, "motor_current"))
            } else {
                #expect(abs(number(faulty, "motor_current") - number(healthy, "motor_current")) < 1)
            }
        }
    }

    @Test func lubricationDegradationRaisesBearingTemperatureAndHighFrequencyVibration() {
        let (healthy, faulty) = compare(
            [scenario(.lubricationDegradation, on: compressor)], seconds: 4 * 3_600, asset: compressor)
        #expect(number(faulty, "motor_bearing_temperature") > number(healthy, "motor_bearing_temperature") + 10)
        #expect(number(faulty, "acceleration_hf") > 5 * number(healthy, "acceleration_hf"))
    }

    @Test func imbalanceAndMisalignmentRaiseTheOverallVelocity() {
        // 00:00 falls in the night shift's first break (until 00:10) and its start-up; by 00:25 the belt runs.
        let (healthy, imbalanced) = compare([scenario(.imbalance, on: conveyor)], seconds: 1_500, asset: conveyor)
        #expect(number(imbalanced, "vibration_velocity") > 4.5 && number(healthy, "vibration_velocity") < 1.4)
        let (_, misaligned) = compare([scenario(.misalignment, on: conveyor)], seconds: 1_500, asset: conveyor)
        #expect(number(misaligned, "vibration_velocity_axial") > number(misaligned, "vibration_velocity"))
    }

    @Test func airLeakRaisesCompressorDutyAndEnergy() {
        let (healthy, faulty) = compare(
            [scenario(.airLeak(flowAtFailure: 2), on: compressor)], seconds: 3 * 3_600, asset: compressor)
        #expect(number(faulty, "duty") > number(healthy, "duty") + 20)
        let meter = try! AssetPath("demo/utilities/electrical/main-meter")
        let (healthyMeter, faultyMeter) = compare(
            [scenario(.airLeak(flowAtFailure: 2), on: compressor)], seconds: 3 * 3_600, asset: meter)
        #expect(number(faultyMeter, "energy") > number(healthyMeter, "energy") + 10)
    }

    @Test func energyWasteKeepsEquipmentRunningThroughPlannedStops() {
        // 2026-01-04 is a Sunday: no shifts, so everything should be off unless left on.
        let sunday = start + .seconds(3 * 86_400 + 12 * 3_600)
        let wasteful = [
            FaultScenario(
                id: "W1", fault: .energyWaste, asset: conveyor, onset: start, growth: .step(level: 1),
                timeToFailure: .seconds(86_400)),
            FaultScenario(
                id: "W2", fault: .energyWaste, asset: filler, onset: start, growth: .step(level: 1),
                timeToFailure: .seconds(86_400)),
        ]
        var healthy = PlantSimulation(seed: 8, start: sunday)
        var faulty = PlantSimulation(seed: 8, start: sunday, scenarios: wasteful)
        let a = healthy.advance(to: sunday + .seconds(1_800))
        let b = faulty.advance(to: sunday + .seconds(1_800))
        func value(_ signals: [PlantSignal], _ asset: AssetPath, _ name: String) -> Double {
            signals.first { $0.asset == asset && $0.name == name }?.value.numericValue ?? .nan
        }
        #expect(value(a, filler, "state_code") == 6 && value(b, filler, "state_code") == 6)
        #expect(value(a, conveyor, "motor_power") == 0 && value(b, conveyor, "motor_power") > 2)
        #expect(value(b, filler, "power") > 4 * value(a, filler, "power"))
    }

    @Test func faultsDevelopAlongTheirGrowthCurves() {
        // Imbalance growing linearly over two hours, and an outer-race defect growing exponentially: the
        // overall values follow the ground-truth severity.
        let scenarios = [
            FaultScenario(
                id: "G1", fault: .imbalance, asset: pump, onset: start + .seconds(600), growth: .linear,
                timeToFailure: .seconds(7_200)),
            FaultScenario(
                id: "G2", fault: .outerRaceDefect(.driveEnd), asset: compressor, onset: start + .seconds(600),
                growth: .exponential(rate: 4), timeToFailure: .seconds(7_200)),
        ]
        var plant = PlantSimulation(seed: 12, start: start, scenarios: scenarios)
        var velocity: [Double] = []
        var highFrequency: [Double] = []
        var severities: [Double] = []
        for minute in stride(from: 10, through: 130, by: 30) {
            let time = start + .seconds(Int64(minute * 60))
            let signals = plant.advance(to: time)
            velocity.append(signals.first { $0.asset == pump && $0.name == "vibration_velocity" }!.value.numericValue!)
            highFrequency.append(
                signals.first { $0.asset == compressor && $0.name == "acceleration_hf" }!.value.numericValue!)
            severities.append(plant.groundTruth.severity(of: "G1", at: time)!)
        }
        #expect(severities.first == 0 && severities.last == 1)
        #expect(zip(velocity, velocity.dropFirst()).allSatisfy { $0 < $1 }, "\(velocity)")
        #expect(velocity.last! > 4.5 && velocity.first! < 1.4)
        #expect(zip(highFrequency, highFrequency.dropFirst()).allSatisfy { $0 < $1 }, "\(highFrequency)")
        // Exponential growth: most of the rise comes late.
        #expect(highFrequency[2] - highFrequency[0] < highFrequency[4] - highFrequency[2])
    }
}
