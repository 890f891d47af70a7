import Analytics
import MillraceCore
import Simulator
import Testing

/// Lead time and false alarms of the diagnosers on the simulated pump, one fault at a time: the figures in
/// docs/condition-monitoring.md. Debug runs a compressed P–F interval (1 h, a block every 15 min);
/// `MILLRACE_LONG_EVAL=1 swift test -c release --filter DetectionEvaluation` runs 12 h with a block every 10 min.
@Suite("Detection lead time and false alarms on the simulated pump")
struct DetectionEvaluationTests {
    enum Case: String, CaseIterable, Sendable {
        case outerRace, innerRace, ball, imbalance, misalignment, looseness, lubrication, cavitation, brokenRotorBar,
            phaseUnbalance

        var fault: FaultKind {
            switch self {
            case .outerRace: .outerRaceDefect(.driveEnd)
            case .innerRace: .innerRaceDefect(.driveEnd)
            case .ball: .ballDefect(.driveEnd)
            case .imbalance: .imbalance
            case .misalignment: .misalignment
            case .looseness: .looseness
            case .lubrication: .lubricationDegradation
            case .cavitation: .pumpCavitation
            case .brokenRotorBar: .brokenRotorBar(sidebandDB: -30)
            case .phaseUnbalance: .phaseUnbalance(maximumPercent: 12)
            }
        }

        var expected: DiagnosedFault {
            switch self {
            case .outerRace: .outerRaceDefect
            case .innerRace: .innerRaceDefect
            case .ball: .ballDefect
            case .imbalance: .imbalance
            case .misalignment: .misalignment
            case .looseness: .looseness
            case .lubrication: .lubrication
            case .cavitation: .cavitation
            case .brokenRotorBar: .brokenRotorBar
            case .phaseUnbalance: .phaseCurrentUnbalance
            }
        }
    }

    /// The 6309 the simulator puts at the pump's drive end.
    static func bearing() throws -> BearingCatalogueEntry {
        BearingCatalogueEntry(
            designation: "6309",
            geometry: try BearingGeometry(rollingElementCount: 8, rollingElementDiameter: 17.46, pitchDiameter: 72.5, contactAngle: 0),
            source: "simulator geometry")
    }

    @Test("each fault is found after onset, with its lead time and false alarms printed", arguments: Case.allCases)
    func evaluate(_ testCase: Case) throws {
        let long = PumpSimulation.long
        let onsetSecond = long ? 2 * 3600 : 1800
        let failureSeconds = long ? 12 * 3600 : 3600
        let step = long ? 600 : 900
        let baselineSeconds = long ? [600, 1800, 3000] : [300, 600, 900]
        let lastBaseline = baselineSeconds[baselineSeconds.count - 1]
        let evaluationSeconds = Array(stride(from: lastBaseline + step, through: onsetSecond + failureSeconds, by: step))
        let pump = try AssetPath("demo/utilities/cooling-water/pump-1")
        let scenario = FaultScenario(
            id: testCase.rawValue, fault: testCase.fault, asset: pump, onset: PumpSimulation.start + .seconds(Int64(onsetSecond)),
            growth: .linear, timeToFailure: .seconds(Int64(failureSeconds)))
        let blocks = Set(baselineSeconds + evaluationSeconds)
        let run = try PumpRun(
            seed: 21, scenarios: [scenario], seconds: onsetSecond + failureSeconds, blocksAt: blocks, currentAt: Set(evaluationSeconds))
        let shaft = try #require(run.shaftFrequency[baselineSeconds[0]])
        let context = MachineContext(asset: pump.description, location: "drive end", shaftFrequency: shaft, bearing: try Self.bearing())
        let baseline = try VibrationBaseline.learn(
            name: "pump-1 first \(lastBaseline / 60) min", from: baselineSeconds.compactMap { run.vibration[$0] }, context: context)
        let pressureFluctuation = try CavitationDiagnoser.fluctuation(of: run.values("discharge_pressure", 1...lastBaseline))

        var falseAlarms: [String] = []
        var beforeDetection = 0
        var detection: Int?
        for second in evaluationSeconds {
            guard let measurement = run.vibration[second], let speed = run.shaftFrequency[second] else { continue }
            var here = context
            here.shaftFrequency = speed
            var findings = try BearingDiagnoser().diagnose(measurement, context: here, baseline: baseline)
            findings += try ShaftFaultDiagnoser().diagnose(measurement, context: here, baseline: baseline)
            findings += try LubricationDiagnoser().diagnose(measurement, context: here, baseline: baseline)
            findings += try CavitationDiagnoser().diagnose(
                measurement, context: here, baseline: baseline,
                dischargePressure: (run.values("discharge_pressure", (second - 60)...second), pressureFluctuation))
            findings += try ElectricalDiagnoser().diagnoseUnbalance(
                phaseA: run.values("motor_current_a", (second - 60)...second), phaseB: run.values("motor_current_b", (second - 60)...second),
                phaseC: run.values("motor_current_c", (second - 60)...second), context: here)
            if let current = run.current[second], let rpm = run.values("motor_speed", second...second).first {
                let slip = 1 - rpm / 3600
                if slip > 0.001, slip < 0.2 {
                    findings += try ElectricalDiagnoser().diagnoseRotor(
                        current: current, sampleRate: 5_120, lineFrequency: 60, slip: slip, context: here)
                }
            }
            for finding in findings {
                if second < onsetSecond || finding.fault != testCase.expected {
                    falseAlarms.append("\(second / 60) min: \(finding.fault.rawValue) (\(finding.severity.rawValue))")
                    if detection == nil { beforeDetection += 1 }
                } else if detection == nil {
                    detection = second
                    print("[evaluation]   \(finding.explanation)")
                }
            }
        }
        let detected = try #require(detection, "\(testCase) was not detected; false alarms: \(falseAlarms)")
        let lead = Double(detected - onsetSecond) / 60
        let severity = scenario.severity(at: PumpSimulation.start + .seconds(Int64(detected)))
        print("[evaluation] | \(testCase.rawValue) | \(lead) min after onset | severity \(severity) | \(falseAlarms.count) of \(evaluationSeconds.count * 6) diagnoser runs | \(falseAlarms.prefix(3))")
        // No finding before onset, and none of another kind before the right one; a secondary low finding
        // late in the failure (an inner-race defect at severity 1 also reads as slight looseness) is reported
        // in the table, not failed.
        #expect(beforeDetection == 0, "\(falseAlarms)")
        #expect(falseAlarms.count <= 2, "\(falseAlarms)")
    }
}
