import Analytics
import MillraceCore
import Simulator

/// Runs the one-pump plant second by second, recording the pump's signals and, at chosen seconds, a vibration
/// block and a current block — the raw material of the process-side diagnosis tests.
struct PumpRun {
    var series: [String: [Double]] = [:]
    var vibration: [Int: VibrationMeasurement] = [:]
    var current: [Int: [Double]] = [:]
    var shaftFrequency: [Int: Double] = [:]
    static let synthesizer = VibrationSynthesizer(sampleRate: 25_600, sampleCount: 16_384)
    static let currentSynthesizer = CurrentSignatureSynthesizer(sampleRate: 5_120, sampleCount: 32_768)

    init(seed: UInt64, scenarios: [FaultScenario], seconds: Int, blocksAt: Set<Int> = [], currentAt: Set<Int> = []) throws {
        let pump = try AssetPath("demo/utilities/cooling-water/pump-1")
        let layout = PlantLayout(
            lines: [], pumps: [pump], compressors: [], hvacUnits: [], boilers: [],
            energyMeter: try AssetPath("demo/utilities/electrical/main-meter"))
        var plant = PlantSimulation(seed: seed, start: PumpSimulation.start, layout: layout, scenarios: scenarios)
        for second in 1...seconds {
            for signal in plant.advance(to: PumpSimulation.start + .seconds(Int64(second))) where signal.asset == pump {
                series[signal.name, default: []].append(signal.value.numericValue ?? .nan)
            }
            if blocksAt.contains(second), let block = plant.waveform(of: pump, synthesizer: Self.synthesizer),
                let axial = plant.waveform(of: pump, axis: .axial, synthesizer: Self.synthesizer)
            {
                vibration[second] = try VibrationMeasurement(
                    radial: block.samples, axial: axial.samples, sampleRate: block.sampleRate, unit: .standardGravity)
                shaftFrequency[second] = plant.vibrationSource(of: pump)?.shaftFrequency
            }
            if currentAt.contains(second), let block = plant.currentWaveform(of: pump, synthesizer: Self.currentSynthesizer) {
                current[second] = block.samples
            }
        }
    }

    /// Values of `name` over seconds `range` (1-based, inclusive), non-finite samples dropped.
    func values(_ name: String, _ range: ClosedRange<Int>) -> [Double] {
        guard let all = series[name] else { return [] }
        return range.compactMap { $0 - 1 < all.count && $0 >= 1 ? all[$0 - 1] : nil }.filter(\.isFinite)
    }
}
