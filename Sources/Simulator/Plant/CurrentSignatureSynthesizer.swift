import MillraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Synthesises the stator current of one phase, for motor current signature analysis.
///
/// A broken rotor bar makes the rotor field asymmetric; the backward-rotating component induces a stator
/// current at (1 − 2s)·f, and the resulting speed and torque ripple another at (1 + 2s)·f (Kliman et al.,
/// "Noninvasive detection of broken rotor bars in operating induction motors", IEEE Trans. Energy Conv. 3(4),
/// 1988). Here that is an amplitude modulation of the line component at 2·s·f with depth 2·10^(dB/20), which
/// places two sidebands of the given level at f·(1 ± 2s). Supply harmonics (5th, 7th) and sensor noise are
/// added as a current clamp would see them.
public struct CurrentSignatureSynthesizer: Hashable, Sendable {
    /// Samples per second, Hz.
    public var sampleRate: Double
    public var sampleCount: Int

    public init(sampleRate: Double = 5_120, sampleCount: Int = 32_768) {
        self.sampleRate = min(VibrationSynthesizer.maximumSampleRate, max(100, sampleRate))
        self.sampleCount = max(1, sampleCount)
    }

    /// One block of phase A current, A, starting at `start`; deterministic for the same inputs and seed.
    public func block(of source: MotorCurrentSource, start: Timestamp, seed: UInt64) -> WaveformBlock {
        var random = SeededGenerator(seed: PlantMath.mix(seed, UInt64(bitPattern: start.microseconds), 3))
        let fs = sampleRate
        let f = source.lineFrequency
        let peak = 2.0.squareRoot() * source.current * (1 + source.phaseUnbalance)
        let depth = 2 * pow(10, source.brokenBarSidebandDB / 20)
        let modulation = 2 * source.slip * f
        let phase = VibrationSynthesizer.phase(frequency: f, at: start)
        let modulationPhase = VibrationSynthesizer.phase(frequency: modulation, at: start)
        var samples = [Double](repeating: 0, count: sampleCount)
        guard source.current > 0 else {
            for index in 0..<sampleCount { samples[index] = 0.01 * random.fastGaussian() }
            return WaveformBlock(start: start, sampleRate: fs, unit: .ampere, samples: samples)
        }
        for index in 0..<sampleCount {
            let t = Double(index) / fs
            let line = 2 * Double.pi * f * t + phase
            let envelope = 1 + depth * cos(2 * Double.pi * modulation * t + modulationPhase)
            var value = peak * envelope * sin(line)
            value += peak * (0.03 * sin(5 * line + 0.3) + 0.02 * sin(7 * line + 1.1))
            value += 0.002 * peak * random.fastGaussian()
            samples[index] = value
        }
        return WaveformBlock(start: start, sampleRate: fs, unit: .ampere, samples: samples)
    }
}
