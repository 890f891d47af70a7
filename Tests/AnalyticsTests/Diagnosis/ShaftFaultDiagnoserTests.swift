import Analytics
import MillraceCore
import Simulator
import Testing

@Suite("Shaft fault diagnosis on simulated faults")
struct ShaftFaultDiagnoserTests {
    @Test("the healthy machine has no shaft finding", arguments: 0..<4)
    func healthy(block: Int) throws {
        let baseline = try DiagnosisFixtures.baseline()
        let measurement = try DiagnosisFixtures.measurement(of: DiagnosisFixtures.source(), index: 10 + block)
        let findings = try ShaftFaultDiagnoser().diagnose(measurement, context: DiagnosisFixtures.context, baseline: baseline)
        #expect(findings.isEmpty, "\(findings.map(\.explanation))")
    }

    @Test("imbalance, misalignment and looseness are told apart, with rising severity", arguments: [DiagnosedFault.imbalance, .misalignment, .looseness])
    func faults(fault: DiagnosedFault) throws {
        let baseline = try DiagnosisFixtures.baseline()
        var previous = FindingSeverity.none
        for (step, severity) in [0.3, 0.6, 1.0].enumerated() {
            let source = DiagnosisFixtures.source(fault, severity: severity)
            let measurement = try DiagnosisFixtures.measurement(of: source, index: 20 + step)
            let findings = try ShaftFaultDiagnoser().diagnose(
                measurement, context: DiagnosisFixtures.context, baseline: baseline)
            #expect(findings.map(\.fault) == [fault], "\(fault) at \(severity): \(findings.map(\.explanation))")
            if let finding = findings.first(where: { $0.fault == fault }) {
                #expect(finding.severity >= previous)
                previous = finding.severity
                if severity == 0.6 { print("[diagnosis] \(finding.explanation)") }
            }
        }
    }
}
