import Analytics
import MillraceCore
import Simulator
import Testing

/// The anomaly detector on the simulated cooling-water pump: trained on a healthy window, quiet on healthy data,
/// and pointing at the right tag after a fault's onset. Debug runs use a compressed day (hours); set
/// `MILLRACE_LONG_EVAL=1` (with `-c release`) for a simulated month of healthy running.
@Suite("Anomaly detection on the simulated pump")
struct PumpAnomalyTests {
    static let interval = 10
    static let configuration = AssetAnomalyConfiguration(modeTag: "flow")

    @Test("a healthy pump raises no more than a documented handful of anomalies")
    func healthy() throws {
        let trainingHours = PumpSimulation.long ? 48 : 6
        let evaluationHours = PumpSimulation.long ? 28 * 24 : 6
        let data = try PumpSimulation.run(
            seed: 42, scenarios: [], duration: (trainingHours + evaluationHours) * 3600, interval: Self.interval)
        let trainingEnd = PumpSimulation.start + .seconds(Int64(trainingHours * 3600))
        let model = try AssetAnomalyModel.train(on: try data.prefix(through: trainingEnd), configuration: Self.configuration)
        var monitor = try AnomalyMonitor(model: model)
        var anomalies: [Anomaly] = []
        for (time, row) in zip(data.times, data.rows) where time > trainingEnd {
            anomalies += try monitor.update(at: time, values: row)
        }
        let days = Double(evaluationHours) / 24
        print("[anomaly] healthy: \(anomalies.count) anomalies in \(evaluationHours) h (\(Double(anomalies.count) / days) per day); rows outside the trained flow range: \(monitor.rowsOutsideTrainedModes)")
        for kind in AnomalyKind.allCases {
            print("[anomaly]   \(kind.rawValue): \(anomalies.filter { $0.kind == kind }.count), tags \(Set(anomalies.filter { $0.kind == kind }.compactMap(\.primaryTag)))")
        }
        for anomaly in anomalies.prefix(3) { print("[anomaly]   \(anomaly.explanation)") }
        // Anomalies within 30 min of each other are one episode (one look by an engineer; ISA-18.2 treats such
        // bursts as one alarm flood). Documented budget: at most one false episode per simulated day.
        var episodes = 0
        var lastTime: Timestamp?
        for anomaly in anomalies {
            if lastTime.map({ (anomaly.time - $0) > .seconds(1800) }) ?? true { episodes += 1 }
            lastTime = anomaly.time
        }
        print("[anomaly] healthy: \(episodes) episodes in \(evaluationHours) h")
        #expect(Double(episodes) <= max(1, days))
        #expect(monitor.model == model, "scoring must not change the model")
    }

    enum Case: String, CaseIterable, Sendable {
        case lubrication, imbalance, coolingLoss, cavitation, pressureDrift

        var fault: FaultKind {
            switch self {
            case .lubrication: .lubricationDegradation
            case .imbalance: .imbalance
            case .coolingLoss: .motorOverheating(.lossOfCooling)
            case .cavitation: .pumpCavitation
            case .pressureDrift: .sensorDrift(signal: "discharge_pressure", offsetAtFailure: 0.6)
            }
        }

        /// The tags an engineer would accept as "the" cause.
        var expectedTags: Set<String> {
            switch self {
            case .lubrication: ["acceleration_hf", "motor_bearing_temperature"]
            case .imbalance: ["vibration_velocity"]
            case .coolingLoss: ["motor_winding_temperature", "motor_bearing_temperature"]
            case .cavitation: ["flow", "discharge_pressure", "suction_pressure", "acceleration_hf", "motor_current", "motor_power"]
            case .pressureDrift: ["discharge_pressure"]
            }
        }
    }

    @Test("an injected fault is flagged after its onset, naming the right tag", arguments: Case.allCases)
    func fault(_ testCase: Case) throws {
        let trainingHours = 3
        let onset = PumpSimulation.start + .seconds(Int64(trainingHours * 3600 + 1800))
        let scenario = FaultScenario(
            id: testCase.rawValue, fault: testCase.fault, asset: try PumpSimulation.pump(), onset: onset,
            growth: .linear, timeToFailure: .seconds(2 * 3600))
        let data = try PumpSimulation.run(
            seed: 7, scenarios: [scenario], duration: (trainingHours + 3) * 3600, interval: Self.interval)
        let trainingEnd = PumpSimulation.start + .seconds(Int64(trainingHours * 3600))
        // The model sees only the window before trainingEnd: the fault lies in its future.
        let model = try AssetAnomalyModel.train(on: try data.prefix(through: trainingEnd), configuration: Self.configuration)
        #expect(model.trainingEnd <= trainingEnd)
        var monitor = try AnomalyMonitor(model: model)
        var falseAlarms = 0
        var first: Anomaly?
        for (time, row) in zip(data.times, data.rows) where time > trainingEnd {
            let anomalies = try monitor.update(at: time, values: row)
            if time < onset {
                falseAlarms += anomalies.count
            } else if first == nil, let anomaly = anomalies.first {
                first = anomaly
            }
        }
        let detected = try #require(first, "\(testCase) was not detected")
        let lead = Double((detected.time - onset).components.seconds) / 60
        let severity = scenario.severity(at: detected.time)
        print("[anomaly] \(testCase.rawValue): detected \(lead) min after onset at fault severity \(severity), by \(detected.kind.rawValue); false alarms before onset: \(falseAlarms)")
        print("[anomaly]   \(detected.explanation)")
        #expect(falseAlarms == 0)
        #expect(testCase.expectedTags.contains(detected.primaryTag ?? ""), "\(detected.explanation)")
    }
}
