#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Spectra of test signals: amplitude spectrum, Hilbert envelope spectrum, band energies, peaks.
struct SpectrumAnalysis {
    let sampleRate: Double
    /// One-sided amplitude (peak) per bin, bins 0…N/2.
    let amplitudes: [Double]
    let count: Int

    var binWidth: Double { sampleRate / Double(count) }

    /// The amplitude spectrum of `signal` (length a power of two), optionally Hann-windowed (amplitude
    /// corrected, so a bin-centred tone reads its peak amplitude).
    init(_ signal: [Double], sampleRate: Double, hann: Bool = false) {
        let n = signal.count
        var windowed = signal
        var gain = 1.0
        if hann {
            for i in 0..<n { windowed[i] *= 0.5 - 0.5 * cos(2 * Double.pi * Double(i) / Double(n)) }
            gain = 0.5
        }
        let (re, im) = FFT.forward(windowed)
        amplitudes = (0...(n / 2)).map { k in
            let magnitude = (re[k] * re[k] + im[k] * im[k]).squareRoot() / Double(n) / gain
            return k == 0 || k == n / 2 ? magnitude : 2 * magnitude
        }
        self.sampleRate = sampleRate
        self.count = n
    }

    /// The envelope spectrum: band-pass `band` (Hz) in the frequency domain, Hilbert transform to the analytic
    /// signal, magnitude, mean removed, then its amplitude spectrum (Randall & Antoni 2011, §3).
    static func envelope(_ signal: [Double], sampleRate: Double, band: ClosedRange<Double>) -> SpectrumAnalysis {
        let n = signal.count
        var (re, im) = FFT.forward(signal)
        let df = sampleRate / Double(n)
        for k in 0..<n {
            let f = Double(k) * df
            if k == 0 || k >= n / 2 || !band.contains(f) {
                re[k] = 0
                im[k] = 0
            } else {
                re[k] *= 2
                im[k] *= 2
            }
        }
        FFT.transform(real: &re, imaginary: &im, inverse: true)
        var envelope = (0..<n).map { ((re[$0] * re[$0] + im[$0] * im[$0]).squareRoot()) / Double(n) }
        let mean = envelope.reduce(0, +) / Double(n)
        for i in 0..<n { envelope[i] -= mean }
        return SpectrumAnalysis(envelope, sampleRate: sampleRate, hann: true)
    }

    func bin(of frequency: Double) -> Int { Int((frequency / binWidth).rounded()) }
    func frequency(of bin: Int) -> Double { Double(bin) * binWidth }

    /// The largest amplitude within ±`tolerance` Hz of `frequency`.
    func amplitude(near frequency: Double, tolerance: Double) -> Double {
        let low = max(0, bin(of: frequency - tolerance))
        let high = min(amplitudes.count - 1, bin(of: frequency + tolerance))
        return amplitudes[low...high].max() ?? 0
    }

    /// The bin of the largest amplitude in `range` Hz.
    func peakBin(in range: ClosedRange<Double>) -> Int {
        let low = max(1, bin(of: range.lowerBound))
        let high = min(amplitudes.count - 1, bin(of: range.upperBound))
        var best = low
        for k in low...high where amplitudes[k] > amplitudes[best] { best = k }
        return best
    }

    /// The median amplitude in `range` Hz: the noise floor.
    func median(in range: ClosedRange<Double>) -> Double {
        let low = max(1, bin(of: range.lowerBound))
        let high = min(amplitudes.count - 1, bin(of: range.upperBound))
        let sorted = amplitudes[low...high].sorted()
        return sorted[sorted.count / 2]
    }

    /// Mean square of the signal in `range` Hz (Parseval on the one-sided spectrum: a tone of peak a gives a²/2).
    func power(in range: ClosedRange<Double>) -> Double {
        let low = max(1, bin(of: range.lowerBound))
        let high = min(amplitudes.count - 1, bin(of: range.upperBound))
        return amplitudes[low...high].reduce(0) { $0 + $1 * $1 / 2 }
    }

    /// Velocity RMS, mm/s, in `band` Hz of an acceleration signal in g: each bin divided by 2πf.
    func velocityRMS(band: ClosedRange<Double>) -> Double {
        let low = max(1, bin(of: band.lowerBound))
        let high = min(amplitudes.count - 1, bin(of: band.upperBound))
        var sum = 0.0
        for k in low...high {
            let velocity = amplitudes[k] * 9.80665 * 1000 / (2 * Double.pi * frequency(of: k))
            sum += velocity * velocity / 2
        }
        return sum.squareRoot()
    }
}
