import Analytics
import MillraceCore
import Simulator
import Testing

@Suite("Bearing diagnosis on simulated defects")
struct BearingDiagnoserTests {
    @Test("the healthy machine has no bearing finding", arguments: 0..<6)
    func healthy(block: Int) throws {
        let baseline = try DiagnosisFixtures.baseline()
        let measurement = try DiagnosisFixtures.measurement(of: DiagnosisFixtures.source(), index: block)
        let findings = try BearingDiagnoser().diagnose(measurement, context: DiagnosisFixtures.context, baseline: baseline)
        #expect(findings.isEmpty, "\(findings.map(\.explanation))")
    }

    @Test("each defect is named after onset, its severity rises, and its evidence is at the defect frequency", arguments: [DiagnosedFault.outerRaceDefect, .innerRaceDefect, .ballDefect])
    func defects(fault: DiagnosedFault) throws {
        let baseline = try DiagnosisFixtures.baseline()
        let context = DiagnosisFixtures.context
        let defects = try #require(context.bearing).geometry.defectFrequencies(shaftFrequency: context.shaftFrequency)
        let expected: Double =
            switch fault {
            case .outerRaceDefect: defects.bpfo
            case .innerRaceDefect: defects.bpfi
            default: 2 * defects.bsf
            }
        var previous = FindingSeverity.none
        for (step, severity) in [0.1, 0.3, 0.6, 1.0].enumerated() {
            let source = DiagnosisFixtures.source(fault, severity: severity)
            let measurement = try DiagnosisFixtures.measurement(of: source, index: step)
            let findings = try BearingDiagnoser().diagnose(measurement, context: context, baseline: baseline)
            let top = try #require(findings.first, "no finding for \(fault) at severity \(severity)")
            #expect(top.fault == fault, "\(fault) at \(severity): \(top.explanation)")
            #expect(top.severity >= previous, "\(fault): severity fell from \(previous) to \(top.severity) at \(severity)")
            previous = top.severity
            let fundamental = try #require(top.evidence.first)
            let frequency = try #require(fundamental.frequency)
            #expect(abs(frequency - expected) <= 0.02 * expected + measurement.envelope.frequencyResolution)
            #expect(fundamental.ratio ?? 0 >= 4)
            if severity == 0.6 { print("[diagnosis] \(top.explanation)") }
        }
        #expect(previous >= .moderate)
    }
}
