import Analytics
import MillraceCore
import Simulator

/// Simulated blocks for the diagnosis tests: a machine at 1797 r/min with a 6205 at the drive
/// end, acceleration in g at 25.6 kHz. 16 384 samples (0.64 s, 1.56 Hz bins) keep the debug run short.
enum DiagnosisFixtures {
    static let sampleRate = 25_600.0
    static let sampleCount = 16_384
    static let shaftFrequency = 1797.0 / 60
    static let start = Timestamp(seconds: 1_767_225_600)

    static var context: MachineContext {
        MachineContext(
            asset: "demo/utilities/cooling-water/pump-1", location: "drive end", shaftFrequency: shaftFrequency,
            bearing: BearingCatalogue.builtIn.entry(for: "6205"))
    }

    static func source(_ configure: (inout VibrationSource) -> Void = { _ in }) -> VibrationSource {
        var source = VibrationSource(shaftFrequency: shaftFrequency, bearing: .deepGroove6205, resonanceFrequency: 3_800)
        configure(&source)
        return source
    }

    /// The source with one mechanical fault at `severity`.
    static func source(_ fault: DiagnosedFault, severity: Double) -> VibrationSource {
        source { source in
            switch fault {
            case .outerRaceDefect: source.outerRace = severity
            case .innerRaceDefect: source.innerRace = severity
            case .ballDefect: source.ball = severity
            case .imbalance: source.imbalance = severity
            case .misalignment: source.misalignment = severity
            case .looseness: source.looseness = severity
            case .lubrication: source.lubrication = severity
            case .cavitation: source.cavitation = severity
            default: break
            }
        }
    }

    /// One measurement (radial and axial) of `source`, block `index` (a different second and noise per index).
    static func measurement(of source: VibrationSource, index: Int, seed: UInt64 = 11) throws -> VibrationMeasurement {
        let synthesizer = VibrationSynthesizer(sampleRate: sampleRate, sampleCount: sampleCount)
        let time = start + .seconds(Int64(index) * 60)
        let radial = synthesizer.block(of: source, axis: .radial, start: time, seed: seed).samples
        let axial = synthesizer.block(of: source, axis: .axial, start: time, seed: seed).samples
        return try VibrationMeasurement(radial: radial, axial: axial, sampleRate: sampleRate, unit: .standardGravity)
    }

    /// The baseline of the healthy machine from four blocks, computed once per test process.
    static func baseline() throws -> VibrationBaseline {
        guard let cachedBaseline else { return try learnBaseline() }
        return cachedBaseline
    }

    private static let cachedBaseline: VibrationBaseline? = try? learnBaseline()

    private static func learnBaseline() throws -> VibrationBaseline {
        let healthy = source()
        let blocks = try (0..<4).map { try measurement(of: healthy, index: 1_000 + $0) }
        return try VibrationBaseline.learn(name: "pump-1 commissioning", from: blocks, context: context)
    }
}
