import Analytics
import Events
import MillraceCore
import Simulator

/// The live condition-monitoring pipeline run on the plant simulator faster than real time: one pump, its tags
/// every second into the `LiveAnomalyMonitor` (anomalies, motor thermal diagnosis), a vibration and current
/// block every `blockInterval` into the `ConditionMonitor` (bearing, shaft, lubrication, cavitation, electrical),
/// both through the persistence rules that decide the events people see. Deterministic for a seed; no I/O.
///
/// Differences from a live run, on purpose: every 1 s sample reaches the monitor (a live run sees the deadband
/// filter's output, which holds values between changes — `LiveRowAssembler` averages either), and blocks are
/// taken on the simulated clock instead of the wall clock.
public struct LivePipelineBacktest: Sendable {
    /// An event the pipeline raised (or revised), with the simulated time.
    public struct Raised: Hashable, Sendable {
        public var time: Timestamp
        public var kind: EventKind
        /// The `DiagnosedFault` raw value for findings, the anomaly test for anomalies.
        public var fault: String
        public var severity: FindingSeverity
        public var title: String
    }

    public struct Result: Sendable {
        public var raised: [Raised] = []
        public var updated: [Raised] = []
        public var cleared = 0
        /// Anomalies the monitor raised that ended before the episode rule confirmed them.
        public var droppedAnomalies = 0
        public var notes: [String] = []
    }

    public var seed: UInt64
    public var scenarios: [FaultScenario]
    public var start: Timestamp
    public var duration: Duration
    public var blockInterval: Duration
    public var conditionMonitor: ConditionMonitor.Configuration
    public var anomaly: LiveAnomalyMonitor.Configuration

    public init(
        seed: UInt64, scenarios: [FaultScenario], start: Timestamp, duration: Duration, blockInterval: Duration = .seconds(600),
        conditionMonitor: ConditionMonitor.Configuration = .init(), anomaly: LiveAnomalyMonitor.Configuration = .init()
    ) {
        self.seed = seed
        self.scenarios = scenarios
        self.start = start
        self.duration = duration
        self.blockInterval = blockInterval
        self.conditionMonitor = conditionMonitor
        self.anomaly = anomaly
    }

    /// The pump every run monitors.
    public static func pump() throws -> AssetPath { try AssetPath("demo/utilities/cooling-water/pump-1") }

    public static func layout() throws -> PlantLayout {
        PlantLayout(
            lines: [], pumps: [try pump()], compressors: [], hvacUnits: [], boilers: [],
            energyMeter: try AssetPath("demo/utilities/electrical/main-meter"))
    }

    static func tag(_ asset: AssetPath, _ name: String) -> TagID {
        TagID(unchecked: (asset.segments + [name]).joined(separator: "."))
    }

    /// Runs `[start, start + duration]`; `progress` gets the fraction done now and then.
    public func run(progress: (Double) -> Void = { _ in }) throws -> Result {
        let pump = try Self.pump()
        var plant = PlantSimulation(seed: seed, start: start, layout: try Self.layout(), scenarios: scenarios)
        let profile = LiveAnomalyProfile(
            tags: LiveAnomalyProfile.pumpColumns.map { Self.tag(pump, $0) }, modeTag: Self.tag(pump, "flow"),
            thermal: .init(
                current: Self.tag(pump, "motor_current"), windingTemperature: Self.tag(pump, "motor_winding_temperature"),
                ratedCurrent: InductionMotorModel.Parameters.pumpDrive.ratedCurrent))
        var live = LiveAnomalyMonitor(profiles: [pump: profile], start: start, configuration: anomaly)
        var blocks = ConditionMonitor(configuration: conditionMonitor)
        let names = Set(LiveAnomalyProfile.pumpColumns)
        var result = Result()
        let seconds = Int(duration.components.seconds)
        let blockEvery = max(1, Int(blockInterval.components.seconds))
        for second in 1...max(1, seconds) {
            let time = start + .seconds(Int64(second))
            let signals = plant.advance(to: time)
            let samples = signals.compactMap { signal -> TaggedSample? in
                guard signal.asset == pump, names.contains(signal.name) else { return nil }
                return TaggedSample(tag: Self.tag(pump, signal.name), time: time, value: signal.value)
            }
            let outcome = live.ingest(samples)
            result.notes += outcome.notes.map { "\(time) \($0.message)" }
            record(outcome.findings, at: time, into: &result)
            for action in outcome.anomalies {
                switch action {
                case .raise(_, let anomaly, let severity):
                    result.raised.append(
                        Raised(time: time, kind: .anomaly, fault: anomaly.kind.rawValue, severity: severity,
                               title: try LiveAnomalyService.revision(anomaly, severity: severity).title))
                case .update(_, let anomaly, let severity):
                    result.updated.append(
                        Raised(time: time, kind: .anomaly, fault: anomaly.kind.rawValue, severity: severity,
                               title: try LiveAnomalyService.revision(anomaly, severity: severity).title))
                case .clear: result.cleared += 1
                }
            }
            if second % blockEvery == 0 {
                let outcome = blocks.process(plant.vibrationBlocks())
                result.notes += outcome.skipped.map { "\(time) block skipped: \($0.reason)" }
                record(outcome.actions, at: time, into: &result)
            }
            if second % 3600 == 0 { progress(Double(second) / Double(seconds)) }
        }
        result.droppedAnomalies = live.episodes.dropped
        return result
    }

    private func record(_ actions: [FindingHysteresis.Action], at time: Timestamp, into result: inout Result) {
        for action in actions {
            switch action {
            case .raise(let finding):
                result.raised.append(
                    Raised(time: time, kind: .finding, fault: finding.fault.rawValue, severity: finding.severity, title: Self.title(finding)))
            case .update(let finding):
                result.updated.append(
                    Raised(time: time, kind: .finding, fault: finding.fault.rawValue, severity: finding.severity, title: Self.title(finding)))
            case .clear: result.cleared += 1
            }
        }
    }

    static func title(_ finding: Finding) -> String {
        (try? ConditionMonitorService.revision(finding).title) ?? finding.fault.displayName
    }
}
