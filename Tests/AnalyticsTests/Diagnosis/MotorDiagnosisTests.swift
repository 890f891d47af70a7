import Analytics
import MillraceCore
import Simulator
import Testing

@Suite("Motor thermal and electrical diagnosis")
struct MotorDiagnosisTests {
    static let ratedCurrent = InductionMotorModel.Parameters.pumpDrive.ratedCurrent

    static func thermalSamples(_ run: PumpRun, _ range: ClosedRange<Int>) -> [MotorThermalSample] {
        let current = run.series["motor_current"] ?? []
        let winding = run.series["motor_winding_temperature"] ?? []
        return stride(from: range.lowerBound, through: range.upperBound, by: 10).compactMap { second in
            guard second - 1 < current.count, second - 1 < winding.count else { return nil }
            let sample = MotorThermalSample(time: Double(second), current: current[second - 1], windingTemperature: winding[second - 1])
            return sample.current.isFinite && sample.windingTemperature.isFinite ? sample : nil
        }
    }

    @Test("winding overheating from lost cooling or overload, told apart, after onset only", arguments: [OverheatingCause.lossOfCooling, .overload])
    func overheating(cause: OverheatingCause) throws {
        let training = 4 * 3600
        let onset = PumpSimulation.start + .seconds(Int64(training))
        let scenario = FaultScenario(
            id: "hot", fault: .motorOverheating(cause), asset: try AssetPath("demo/utilities/cooling-water/pump-1"),
            onset: onset, growth: .linear, timeToFailure: .seconds(3600))
        let run = try PumpRun(seed: 3, scenarios: [scenario], seconds: training + 2 * 3600)
        let model = try MotorThermalModel.fit(on: Self.thermalSamples(run, 1...training), ratedCurrent: Self.ratedCurrent)
        print("[diagnosis] thermal model: rise \(model.ratedRise) K, τ \(model.timeConstant) s, reference \(model.referenceAmbient) °C, residual \(model.residualRMS) K")
        let context = MachineContext(asset: "demo/utilities/cooling-water/pump-1", location: "motor", shaftFrequency: 59)
        let diagnoser = MotorThermalDiagnoser()
        let healthy = try diagnoser.diagnose(Self.thermalSamples(run, 1...training), model: model, context: context)
        #expect(healthy.isEmpty, "\(healthy.map(\.explanation))")
        let findings = try diagnoser.diagnose(Self.thermalSamples(run, 1...(training + 2 * 3600)), model: model, context: context)
        let finding = try #require(findings.first)
        #expect(finding.fault == .windingOverheating)
        #expect(finding.component.contains(cause == .overload ? "overload" : "cooling"), "\(finding.explanation)")
        #expect(finding.severity >= .moderate)
        print("[diagnosis] \(finding.explanation)")
    }

    @Test("broken rotor bars: the sideband table, and nothing on a healthy rotor")
    func rotorBars() throws {
        let synthesizer = CurrentSignatureSynthesizer(sampleRate: 5_120, sampleCount: 32_768)
        let context = MachineContext(asset: "demo/utilities/cooling-water/pump-1", location: "motor", shaftFrequency: 59)
        var previous = FindingSeverity.none
        for (index, level) in [-60.0, -46, -41, -37, -30].enumerated() {
            let source = MotorCurrentSource(lineFrequency: 60, current: 21, slip: 0.015, brokenBarSidebandDB: level)
            let block = synthesizer.block(of: source, start: PumpSimulation.start + .seconds(Int64(index)), seed: 17)
            let findings = try ElectricalDiagnoser().diagnoseRotor(
                current: block.samples, sampleRate: block.sampleRate, lineFrequency: 60, slip: 0.015, context: context)
            if level == -60 {
                #expect(findings.isEmpty, "\(findings.map(\.explanation))")
                continue
            }
            let finding = try #require(findings.first, "no finding at \(level) dB")
            #expect(finding.fault == .brokenRotorBar)
            #expect(finding.severity > previous)
            previous = finding.severity
            let db = try #require(finding.evidence.first?.value)
            #expect(abs(db + level) < 1.5, "measured \(db) dB below the line for \(level) dB")
            let expected = 60 * (1 - 2 * 0.015)
            let sideband = try #require(finding.evidence.first?.frequency)
            #expect(abs(sideband - expected) < 0.2 || abs(sideband - 60 * (1 + 2 * 0.015)) < 0.2)
            if level == -37 { print("[diagnosis] \(finding.explanation)") }
        }
        #expect(previous == .critical)
    }

    @Test("phase current unbalance from the simulated motor, after onset only")
    func unbalance() throws {
        let onset = PumpSimulation.start + .seconds(600)
        let scenario = FaultScenario(
            id: "ub", fault: .phaseUnbalance(maximumPercent: 12), asset: try AssetPath("demo/utilities/cooling-water/pump-1"),
            onset: onset, growth: .linear, timeToFailure: .seconds(1200))
        let run = try PumpRun(seed: 2, scenarios: [scenario], seconds: 1800)
        let context = MachineContext(asset: "demo/utilities/cooling-water/pump-1", location: "motor", shaftFrequency: 59)
        let diagnoser = ElectricalDiagnoser()
        let before = try diagnoser.diagnoseUnbalance(
            phaseA: run.values("motor_current_a", 300...600), phaseB: run.values("motor_current_b", 300...600),
            phaseC: run.values("motor_current_c", 300...600), context: context)
        #expect(before.isEmpty, "\(before.map(\.explanation))")
        let after = try diagnoser.diagnoseUnbalance(
            phaseA: run.values("motor_current_a", 1700...1800), phaseB: run.values("motor_current_b", 1700...1800),
            phaseC: run.values("motor_current_c", 1700...1800), context: context)
        let finding = try #require(after.first)
        #expect(finding.fault == .phaseCurrentUnbalance)
        #expect(finding.severity >= .high)
        print("[diagnosis] \(finding.explanation)")
    }
}
