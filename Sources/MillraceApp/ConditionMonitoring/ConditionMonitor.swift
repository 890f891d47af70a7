import Analytics
import MillraceCore

/// The diagnosers run block after block on live data: per asset, a baseline learned from its first blocks, the
/// bearing, shaft, lubrication and cavitation diagnosers on every block, and `FindingHysteresis` between their
/// verdicts and the events people see. A value type without I/O; `ConditionMonitorService` feeds it and stores
/// what it decides.
///
/// References: bearing defects are judged against the envelope spectrum's own noise floor, never a learned
/// baseline — a defect line should not exist at all, and a baseline learned on an already damaged bearing (the
/// demo's pump starts a week into its defect) would hide it. Shaft faults, lubrication and cavitation are judged
/// against the asset's baseline (ISO 13373-1 §7.2: change from the machine's own reference).
public struct ConditionMonitor: Sendable {
    public struct Configuration: Hashable, Sendable {
        /// Blocks per asset learned as its baseline before any shaft/lubrication/cavitation diagnosis.
        public var baselineBlocks: Int
        public var hysteresis: FindingHysteresis.Rule
        /// Blocks taken below this shaft speed (Hz) are skipped: a stopped or crawling machine has no spectrum.
        public var minimumShaftFrequency: Double
        /// The ISO 10816 table the zone sentence uses.
        public var severityCriteria: SeverityCriteria
        /// Blocks of a fault's trend before its remaining-life sentence (`FindingTrend`) is given, and blocks
        /// between two revisions of an open finding that only refresh that sentence.
        public var rulMinimumBlocks = 6
        public var rulRefreshBlocks = 6

        public init(
            baselineBlocks: Int = 3, hysteresis: FindingHysteresis.Rule = .init(), minimumShaftFrequency: Double = 5,
            severityCriteria: SeverityCriteria = .iso10816Part3(group: .group2, foundation: .rigid)
        ) {
            self.baselineBlocks = max(1, baselineBlocks)
            self.hysteresis = hysteresis
            self.minimumShaftFrequency = minimumShaftFrequency
            self.severityCriteria = severityCriteria
        }
    }

    /// What one round of blocks produced.
    public struct Outcome: Sendable {
        public var actions: [FindingHysteresis.Action] = []
        /// Blocks that could not be analysed, with why (a bad block is skipped, never fatal).
        public var skipped: [(asset: AssetPath, reason: String)] = []
    }

    public let configuration: Configuration
    public private(set) var hysteresis: FindingHysteresis
    private var learning: [AssetPath: [VibrationMeasurement]] = [:]
    private var baselines: [AssetPath: VibrationBaseline] = [:]
    private var trends: [FindingHysteresis.Key: FindingTrend] = [:]
    private var sinceRevision: [FindingHysteresis.Key: Int] = [:]

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        hysteresis = FindingHysteresis(rule: configuration.hysteresis)
    }

    /// Whether the asset's baseline has been learned.
    public func hasBaseline(_ asset: AssetPath) -> Bool { baselines[asset] != nil }

    /// Marks a finding open that the store already holds (after a restart), so it is not raised twice.
    public mutating func markOpen(asset: AssetPath, fault: DiagnosedFault, severity: FindingSeverity = .none) {
        hysteresis.markOpen(.init(asset: asset.description, fault: fault), severity: severity)
    }

    /// Diagnoses one round of blocks.
    public mutating func process(_ blocks: [AssetVibrationBlock]) -> Outcome {
        var outcome = Outcome()
        for block in blocks {
            guard block.shaftFrequency >= configuration.minimumShaftFrequency else { continue }
            do throws(AnalyticsError) {
                outcome.actions += try diagnose(block)
            } catch {
                outcome.skipped.append((block.asset, error.description))
            }
        }
        return outcome
    }

    private mutating func diagnose(_ block: AssetVibrationBlock) throws(AnalyticsError) -> [FindingHysteresis.Action] {
        let context = MachineContext(
            asset: block.asset.description, location: block.location, shaftFrequency: block.shaftFrequency,
            bearing: block.bearing, severityCriteria: configuration.severityCriteria)
        let measurement = try VibrationMeasurement(
            radial: block.radial, axial: block.axial, sampleRate: block.sampleRate, unit: .standardGravity)
        var findings = try BearingDiagnoser().diagnose(measurement, context: context)
        if let baseline = baselines[block.asset] {
            findings += try ShaftFaultDiagnoser().diagnose(measurement, context: context, baseline: baseline)
            // A rolling-element defect's impacts raise the broadband high-frequency energy the lubrication and
            // cavitation diagnosers read; without a pressure or temperature reading to tell them apart, a block with
            // a bearing finding is not judged for those two (the bearing finding's action covers the bearing).
            if findings.allSatisfy({ !Self.bearingFaults.contains($0.fault) }) {
                findings += try LubricationDiagnoser().diagnose(measurement, context: context, baseline: baseline)
                findings += try CavitationDiagnoser().diagnose(measurement, context: context, baseline: baseline)
            }
        } else {
            learning[block.asset, default: []].append(measurement)
            if let blocks = learning[block.asset], blocks.count >= configuration.baselineBlocks {
                baselines[block.asset] = try VibrationBaseline.learn(
                    name: "\(block.asset.leaf) first \(blocks.count) blocks from \(block.time)", from: blocks, context: context)
                learning[block.asset] = nil
            }
        }
        if let current = block.current {
            // Motor current signature (ADR 0020): unbalance from the three phases, rotor bars from the phase A
            // spectrum; judged on absolute limits (NEMA MG-1 §14.35; Thomson & Fenger 2001), not against the baseline.
            if current.phases.count == 3 {
                findings += try ElectricalDiagnoser().diagnoseUnbalance(
                    phaseA: [current.phases[0]], phaseB: [current.phases[1]], phaseC: [current.phases[2]], context: context)
            }
            if current.slip > 0.001, current.slip < 0.2 {
                findings += try ElectricalDiagnoser().diagnoseRotor(
                    current: current.samples, sampleRate: current.sampleRate, lineFrequency: current.lineFrequency,
                    slip: current.slip, context: context)
            }
        }
        var zone = try configuration.severityCriteria.assess(velocityRMS: measurement.features.velocityRMS).explanation
        if zone.hasSuffix(".") { zone.removeLast() }  // The explanation joins its sentences with ". ".
        var explained = findings.map { $0.explained(with: zone) }
        // The remaining-life sentence of each fault's strongest finding of the block (FindingTrend).
        var withLife: [FindingHysteresis.Key: Finding] = [:]
        for fault in Set(explained.map(\.fault)) {
            guard let index = explained.indices.filter({ explained[$0].fault == fault }).max(by: {
                (explained[$0].severity, explained[$0].confidence) < (explained[$1].severity, explained[$1].confidence)
            }) else { continue }
            let key = FindingHysteresis.Key(asset: block.asset.description, fault: fault)
            if trends[key] == nil { trends[key] = FindingTrend(fault: fault, origin: block.time, minimumBlocks: configuration.rulMinimumBlocks) }
            if let sentence = trends[key]?.observe(explained[index], at: block.time) {
                explained[index] = explained[index].explained(with: sentence)
                withLife[key] = explained[index]
            }
        }
        var actions = hysteresis.blockDiagnosed(asset: block.asset.description, findings: explained)
        for action in actions {
            switch action {
            case .raise(let finding), .update(let finding): sinceRevision[.init(asset: finding.asset, fault: finding.fault)] = 0
            case .clear(let key):
                trends[key] = nil
                sinceRevision[key] = nil
            }
        }
        // An open finding whose level did not move still gets its remaining-life sentence refreshed now and then.
        for (key, finding) in withLife.sorted(by: { $0.key.fault.rawValue < $1.key.fault.rawValue }) {
            guard let shown = hysteresis.shownSeverity(of: key) else { continue }
            let count = (sinceRevision[key] ?? 0) + 1
            sinceRevision[key] = count
            if count > configuration.rulRefreshBlocks, finding.severity == shown {
                actions.append(.update(finding))
                sinceRevision[key] = 0
            }
        }
        return actions
    }

    static let bearingFaults: Set<DiagnosedFault> = [.outerRaceDefect, .innerRaceDefect, .ballDefect]
}
