import Analytics
import MillraceCore
import Simulator
import Testing

@Suite("Lubrication and cavitation diagnosis")
struct LubricationCavitationTests {
    @Test("poor lubrication raises the high band: named after onset with rising severity, not on the healthy machine")
    func lubrication() throws {
        let baseline = try DiagnosisFixtures.baseline()
        let context = DiagnosisFixtures.context
        let diagnoser = LubricationDiagnoser()
        for index in 0..<3 {
            let healthy = try DiagnosisFixtures.measurement(of: DiagnosisFixtures.source(), index: 40 + index)
            #expect(try diagnoser.diagnose(healthy, context: context, baseline: baseline).isEmpty)
            #expect(try CavitationDiagnoser().diagnose(healthy, context: context, baseline: baseline).isEmpty)
        }
        var previous = FindingSeverity.none
        for (step, severity) in [0.2, 0.4, 0.6, 1.0].enumerated() {
            let measurement = try DiagnosisFixtures.measurement(of: DiagnosisFixtures.source(.lubrication, severity: severity), index: 50 + step)
            print("[diagnosis] lubrication \(severity): high band ×\(measurement.highBandRMS / baseline.highBandRMS), mid band ×\(measurement.midBandRMS / baseline.midBandRMS)")
            let findings = try diagnoser.diagnose(
                measurement, context: context, baseline: baseline, bearingTemperature: (current: 70 + 20 * severity, baseline: 62))
            let finding = try #require(findings.first, "no lubrication finding at \(severity)")
            #expect(finding.fault == .lubrication)
            #expect(finding.severity >= previous)
            previous = finding.severity
            // Lubrication noise is not cavitation: no pressure fluctuation, and the energy sits high.
            let pressure = (samples: [4.30, 4.31, 4.30, 4.29, 4.30, 4.31], baselineFluctuation: 0.005)
            #expect(try CavitationDiagnoser().diagnose(measurement, context: context, baseline: baseline, dischargePressure: pressure).isEmpty)
            if severity == 0.6 { print("[diagnosis] \(finding.explanation)") }
        }
        #expect(previous >= .high)
    }

    @Test("a cavitating pump: broadband noise and pressure fluctuation after onset, nothing before")
    func cavitation() throws {
        let onset = PumpSimulation.start + .seconds(600)
        let scenario = FaultScenario(
            id: "cav", fault: .pumpCavitation, asset: try AssetPath("demo/utilities/cooling-water/pump-1"), onset: onset,
            growth: .linear, timeToFailure: .seconds(2400))
        let run = try PumpRun(seed: 5, scenarios: [scenario], seconds: 3600, blocksAt: [120, 240, 360, 480, 3000, 3540])
        let shaft = try #require(run.shaftFrequency[120])
        let context = MachineContext(asset: "demo/utilities/cooling-water/pump-1", location: "pump casing", shaftFrequency: shaft)
        let baseline = try VibrationBaseline.learn(
            name: "pump-1, first 8 minutes", from: [120, 240, 360].compactMap { run.vibration[$0] }, context: context)
        let baselineFluctuation = try CavitationDiagnoser.fluctuation(of: run.values("discharge_pressure", 1...480))
        let diagnoser = CavitationDiagnoser()
        let before = try diagnoser.diagnose(
            try #require(run.vibration[480]), context: context, baseline: baseline,
            dischargePressure: (run.values("discharge_pressure", 420...480), baselineFluctuation))
        #expect(before.isEmpty, "\(before.map(\.explanation))")
        for second in [3000, 3540] {
            let findings = try diagnoser.diagnose(
                try #require(run.vibration[second]), context: context, baseline: baseline,
                dischargePressure: (run.values("discharge_pressure", (second - 60)...second), baselineFluctuation))
            let finding = try #require(findings.first, "no cavitation finding at \(second) s")
            #expect(finding.fault == .cavitation)
            #expect(finding.evidence.count == 2)
            if second == 3540 { print("[diagnosis] \(finding.explanation)") }
            let lubrication = try LubricationDiagnoser().diagnose(try #require(run.vibration[second]), context: context, baseline: baseline)
            #expect(lubrication.isEmpty, "cavitation mistaken for lubrication: \(lubrication.map(\.explanation))")
        }
    }
}
