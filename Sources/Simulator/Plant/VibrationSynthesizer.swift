import MillraceCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Synthesises casing vibration of a rotating machine: acceleration waveform blocks, and the overall values a
/// transmitter would report every second without computing a waveform.
///
/// The signal is a sum of three parts (Randall, *Vibration-based Condition Monitoring*, 2nd ed., ch. 2 and 5):
/// 1. **Tones** at shaft harmonics, specified as velocity RMS: 1× (residual imbalance, growing with the
///    imbalance fault), 2× and 3× (misalignment; axial more than radial), many harmonics and half-harmonics
///    (looseness), the vane pass frequency of pumps, and 2× line frequency (magnetic forces in the motor).
/// 2. **Noise**: a white floor, plus band-limited noise from a second-order band-pass (RBJ biquad) for
///    poor lubrication (around 10 kHz, metal contact) and for cavitation (2–10 kHz, collapsing bubbles).
/// 3. **Bearing impacts**: each time a rolling element strikes a defect it excites the housing resonance, a
///    decaying sinusoid (a two-pole resonator driven by impulses, the model of McFadden & Smith, "Model for
///    the vibration produced by a single point defect in a rolling element bearing", J. Sound Vib. 96(1),
///    1984). Impacts repeat at BPFO (constant amplitude), BPFI (amplitude-modulated at 1× by the load zone)
///    or 2·BSF (modulated at the cage frequency FTF), with a 1 % random jitter in the spacing for the slip
///    of rolling elements (Randall & Antoni, "Rolling element bearing diagnostics — a tutorial", MSSP 25, 2011).
///
/// Overall velocity (`velocityRMS`) is computed in the frequency domain without a waveform: each tone of
/// velocity RMS v in the 10–1000 Hz band of ISO 10816-3 / ISO 20816-1 contributes v², and each noise part
/// contributes ∫ S_a(f)·|H(f)|² / (2πf)² df over 10–1000 Hz (integrating acceleration to velocity divides by
/// 2πf). The tests check it against the same quantity computed by FFT from a synthesised block.
public struct VibrationSynthesizer: Hashable, Sendable {
    /// The highest sample rate supported, Hz (a typical portable analyser's 10 kHz band × 2.56).
    public static let maximumSampleRate = 25_600.0
    /// Standard gravity, m/s² per g.
    static let standardGravity = 9.80665
    /// White acceleration noise floor, g²/Hz (gives ≈ 0.2 mm/s in 10–1000 Hz).
    static let noiseDensity = 2e-7
    /// Band-limited noise at severity 1, g RMS, and the band-pass centre and quality factor.
    static let lubricationNoise = (rms: 0.6, centre: 10_000.0, q: 1.2)
    static let cavitationNoise = (rms: 1.5, centre: 5_000.0, q: 0.6)
    /// Peak acceleration of one bearing impact at severity 1, g.
    static let impactAmplitude = 10.0

    /// Samples per second, Hz (at most `maximumSampleRate`).
    public var sampleRate: Double
    /// Samples per block.
    public var sampleCount: Int

    public init(sampleRate: Double = 25_600, sampleCount: Int = 25_600) {
        self.sampleRate = min(Self.maximumSampleRate, max(100, sampleRate))
        self.sampleCount = max(1, sampleCount)
    }

    /// One component at a fixed frequency.
    struct Tone: Hashable, Sendable {
        /// Hz.
        var frequency: Double
        /// Velocity, mm/s RMS.
        var velocity: Double
        /// Phase at t = 0, rad.
        var phase: Double
    }

    /// The tonal components for `source` in `axis`.
    static func tones(of source: VibrationSource, axis: VibrationAxis) -> [Tone] {
        let f1 = source.shaftFrequency
        guard f1 > 0.5 else { return [] }
        let b = source.baseline
        let axial = axis == .axial
        // Fault contributions at severity 1, mm/s RMS. Imbalance alone reaches ISO 10816-3 zone D (> 4.5 mm/s
        // for 15–300 kW machines on rigid foundations); misalignment puts its energy in 2× and axially.
        let imbalance = source.imbalance * 6.5
        let misalignment = source.misalignment
        let looseness = source.looseness
        var amplitudes = [Double](repeating: 0, count: 11)  // index k = k× shaft
        if axial {
            amplitudes[1] = 0.45 * b + 0.3 * imbalance + 3.0 * misalignment
            amplitudes[2] = 0.15 * b + 4.5 * misalignment
            amplitudes[3] = 0.05 * b + 1.0 * misalignment
        } else {
            amplitudes[1] = b + imbalance + 1.0 * misalignment
            amplitudes[2] = 0.3 * b + 3.2 * misalignment
            amplitudes[3] = 0.12 * b + 0.8 * misalignment
        }
        for k in 4...10 { amplitudes[k] = 0.05 * b / Double(k - 3) }
        // Looseness: harmonics up to 10× decaying slowly, and half-harmonics (rubbing, truncated response).
        let loosenessScale = axial ? 0.4 : 1.0
        for k in 1...10 { amplitudes[k] += loosenessScale * 1.2 * looseness * pow(0.82, Double(k - 1)) }
        var tones: [Tone] = []
        tones.reserveCapacity(24)
        for k in 1...10 where amplitudes[k] > 0 {
            tones.append(Tone(frequency: Double(k) * f1, velocity: amplitudes[k], phase: 0.7 * Double(k)))
        }
        if looseness > 0 {
            for k in 0...9 {
                let velocity = loosenessScale * 0.7 * looseness * pow(0.82, Double(k))
                tones.append(Tone(frequency: (Double(k) + 0.5) * f1, velocity: velocity, phase: 1.3 * Double(k)))
            }
        }
        if source.vanes > 0 {
            tones.append(Tone(frequency: Double(source.vanes) * f1, velocity: (axial ? 0.25 : 0.5) * b, phase: 0.4))
        }
        if source.lineFrequency > 0 {
            tones.append(Tone(frequency: 2 * source.lineFrequency, velocity: (axial ? 0.1 : 0.2) * b, phase: 2.1))
        }
        return tones
    }

    /// Overall vibration velocity, mm/s RMS in the 10–1000 Hz band (ISO 10816-3), computed from the spectrum
    /// of the model without synthesising a waveform.
    public static func velocityRMS(of source: VibrationSource, axis: VibrationAxis = .radial) -> Double {
        guard source.shaftFrequency > 0.5 else { return 0 }
        var variance = 0.0
        for tone in tones(of: source, axis: axis) where tone.frequency >= 10 && tone.frequency <= 1000 {
            variance += tone.velocity * tone.velocity
        }
        // White floor: ∫ S/(2πf)² df from 10 to 1000 Hz = S/(4π²)·(1/10 − 1/1000); S in (mm/s²)²/Hz.
        let gToMM = standardGravity * 1000
        let density = noiseDensity * gToMM * gToMM
        variance += density / (4 * Double.pi * Double.pi) * (1.0 / 10 - 1.0 / 1000)
        variance += bandNoiseVelocityVariance(rms: lubricationNoise.rms * source.lubrication, band: lubricationNoise)
        variance += bandNoiseVelocityVariance(rms: cavitationNoise.rms * source.cavitation, band: cavitationNoise)
        return variance.squareRoot()
    }

    /// High-frequency acceleration, g RMS above about 1 kHz: the bearing-condition value (like an "HFD" or
    /// acceleration-envelope overall) that rises with bearing defects, poor lubrication and cavitation.
    ///
    /// A decaying impact of peak A and decay rate σ = ζ·2π·f_r carries energy A²/(4σ), so impacts at rate λ
    /// add λ·A²/(4σ) to the mean square.
    public static func highFrequencyAcceleration(of source: VibrationSource) -> Double {
        guard source.shaftFrequency > 0.5 else { return 0 }
        var variance = noiseDensity * 9_000  // white floor over 1–10 kHz
        variance += pow(lubricationNoise.rms * source.lubrication, 2) + pow(cavitationNoise.rms * source.cavitation, 2)
        let sigma = source.resonanceDamping * 2 * Double.pi * source.resonanceFrequency
        for impacts in impactTrains(of: source) {
            variance += impacts.rate * impacts.amplitude * impacts.amplitude * impacts.meanSquareGain / (4 * sigma)
        }
        return variance.squareRoot()
    }

    /// Velocity variance, (mm/s)², in 10–1000 Hz of white noise of `rms` g (over its band) shaped by a
    /// second-order band-pass |H(f)|² = (f/(Q·f₀))² / ((1 − (f/f₀)²)² + (f/(Q·f₀))²), by numerical
    /// integration on a logarithmic grid.
    static func bandNoiseVelocityVariance(rms: Double, band: (rms: Double, centre: Double, q: Double)) -> Double {
        guard rms > 0 else { return 0 }
        // The noise-equivalent bandwidth of the band-pass is (π/2)·f₀/Q; the peak density follows from the RMS.
        let gToMM = standardGravity * 1000
        let peakDensity = rms * rms / (Double.pi / 2 * band.centre / band.q) * gToMM * gToMM
        let points = 64
        let ratio = log(1000.0 / 10) / Double(points)
        var sum = 0.0
        for index in 0..<points {
            let f = 10 * exp((Double(index) + 0.5) * ratio)
            let df = f * ratio
            let x = f / band.centre
            let h2 = pow(x / band.q, 2) / (pow(1 - x * x, 2) + pow(x / band.q, 2))
            sum += peakDensity * h2 / pow(2 * Double.pi * f, 2) * df
        }
        return sum
    }

    /// A train of bearing impacts.
    struct ImpactTrain: Hashable, Sendable {
        /// Impacts per second, Hz.
        var rate: Double
        /// Peak acceleration, g.
        var amplitude: Double
        /// Modulation frequency, Hz (0 for none), and depth 0…1.
        var modulationFrequency: Double
        var modulationDepth: Double
        /// Whether the modulation is locked to the shaft's phase (the inner race turns with the shaft).
        var lockedToShaft: Bool

        /// Mean of the squared amplitude factor (1 − d) + d·(1 + cos)/2 over a modulation period.
        var meanSquareGain: Double {
            let d = modulationDepth
            let mean = 1 - d / 2
            return mean * mean + d * d / 8
        }
    }

    /// The impact trains of the bearing defects present in `source`.
    static func impactTrains(of source: VibrationSource) -> [ImpactTrain] {
        let fr = source.shaftFrequency
        let bearing = source.bearing
        var trains: [ImpactTrain] = []
        if source.outerRace > 0 {
            trains.append(
                ImpactTrain(
                    rate: bearing.bpfo(shaftHz: fr), amplitude: impactAmplitude * source.outerRace,
                    modulationFrequency: 0, modulationDepth: 0, lockedToShaft: false))
        }
        if source.innerRace > 0 {
            trains.append(
                ImpactTrain(
                    rate: bearing.bpfi(shaftHz: fr), amplitude: impactAmplitude * source.innerRace,
                    modulationFrequency: fr, modulationDepth: 0.8, lockedToShaft: true))
        }
        if source.ball > 0 {
            trains.append(
                ImpactTrain(
                    rate: 2 * bearing.bsf(shaftHz: fr), amplitude: 0.8 * impactAmplitude * source.ball,
                    modulationFrequency: bearing.ftf(shaftHz: fr), modulationDepth: 0.8, lockedToShaft: false))
        }
        return trains
    }
}
