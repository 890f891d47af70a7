import Analytics
import Testing

@Suite("Diagnosis refuses bad input with typed errors")
struct DiagnosisRobustnessTests {
    @Test("measurements, baselines and diagnosers never trap")
    func badInput() throws {
        #expect(throws: AnalyticsError.self) { try VibrationMeasurement(radial: [], sampleRate: 25_600) }
        #expect(throws: AnalyticsError.self) { try VibrationMeasurement(radial: [Double](repeating: 0, count: 100), sampleRate: 25_600) }
        var signal = [Double](repeating: 0, count: 4096)
        signal[7] = .nan
        #expect(throws: AnalyticsError.self) { try VibrationMeasurement(radial: signal, sampleRate: 25_600) }
        signal[7] = 0
        #expect(throws: AnalyticsError.self) { try VibrationMeasurement(radial: signal, sampleRate: 0) }
        #expect(throws: AnalyticsError.self) { try VibrationMeasurement(radial: signal, axial: [1, 2], sampleRate: 25_600) }
        let flat = try VibrationMeasurement(radial: signal, sampleRate: 25_600)
        var context = DiagnosisFixtures.context
        #expect(throws: AnalyticsError.self) { try VibrationBaseline.learn(name: "x", from: [], context: context) }
        let baseline = try VibrationBaseline.learn(name: "dead sensor", from: [flat], context: context)
        // A dead (all-zero) channel: no finding, no trap.
        #expect(try BearingDiagnoser().diagnose(flat, context: context, baseline: baseline).isEmpty)
        #expect(try ShaftFaultDiagnoser().diagnose(flat, context: context, baseline: baseline).isEmpty)
        #expect(throws: AnalyticsError.self) { try LubricationDiagnoser().diagnose(flat, context: context, baseline: baseline) }
        context.shaftFrequency = .nan
        #expect(throws: AnalyticsError.self) { try ShaftFaultDiagnoser().diagnose(flat, context: context) }
        context.shaftFrequency = 30
        context.bearing = nil
        #expect(throws: AnalyticsError.self) { try BearingDiagnoser().diagnose(flat, context: context) }
        #expect(throws: AnalyticsError.self) { try CavitationDiagnoser.fluctuation(of: [1, 2]) }
        let electrical = ElectricalDiagnoser()
        #expect(throws: AnalyticsError.self) { try electrical.diagnoseUnbalance(phaseA: [], phaseB: [], phaseC: [], context: context) }
        #expect(throws: AnalyticsError.self) { try electrical.diagnoseUnbalance(phaseA: [1], phaseB: [1, 2], phaseC: [1], context: context) }
        #expect(throws: AnalyticsError.self) { try electrical.diagnoseUnbalance(phaseA: [0], phaseB: [0], phaseC: [0], context: context) }
        #expect(throws: AnalyticsError.self) {
            try electrical.diagnoseRotor(current: [Double](repeating: 1, count: 512), sampleRate: 5_120, lineFrequency: 60, slip: 0.02, context: context)
        }
        #expect(throws: AnalyticsError.self) {
            try electrical.diagnoseRotor(current: [Double](repeating: 1, count: 32_768), sampleRate: 5_120, lineFrequency: 60, slip: 0, context: context)
        }
        #expect(throws: AnalyticsError.self) { try MotorThermalModel.fit(on: [], ratedCurrent: 20) }
        let constant = (0..<20).map { MotorThermalSample(time: Double($0), current: 10, windingTemperature: 60) }
        #expect(throws: AnalyticsError.self) { try MotorThermalModel.fit(on: constant, ratedCurrent: 20) }
        let model = MotorThermalModel(ratedCurrent: 20, ratedRise: 80, timeConstant: 1200)
        #expect(throws: AnalyticsError.self) {
            try MotorThermalDiagnoser().diagnose([MotorThermalSample(time: 0, current: .nan, windingTemperature: 60)], model: model, context: context)
        }
    }

    @Test("a finding explains itself in one paragraph with its evidence, context and action")
    func explanation() throws {
        let baseline = try DiagnosisFixtures.baseline()
        let source = DiagnosisFixtures.source(.outerRaceDefect, severity: 0.4)
        let measurement = try DiagnosisFixtures.measurement(of: source, index: 77)
        let finding = try #require(try BearingDiagnoser().diagnose(measurement, context: DiagnosisFixtures.context, baseline: baseline).first)
        let severity = try DiagnosisFixtures.context.severityCriteria.assess(velocityRMS: measurement.features.velocityRMS)
        let explained = finding.explained(with: severity).explained(with: "rising for 9 days")
        let text = explained.explanation
        #expect(text.hasPrefix("outer-race bearing defect, drive end"))
        #expect(text.contains("= BPFO of 6205"))
        #expect(text.contains("× running speed"))
        #expect(text.contains("ISO 10816"))
        #expect(text.contains("rising for 9 days"))
        #expect(text.contains("Action: "))
    }
}
