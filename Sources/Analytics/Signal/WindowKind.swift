#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The spectral windows `Analytics` offers, all cosine sums w[j] = Σ_m (−1)^m·a_m·cos(2π·m·j/N), j = 0..<N.
///
/// Windows are *periodic* (DFT-even, the form for spectral analysis, Harris 1978 §III), not the symmetric form
/// used for FIR filter design. Choose by what you need to read from the spectrum:
///
/// | kind | coefficients a_m | ENBW (bins) | worst scalloping | use for |
/// |---|---|---|---|---|
/// | rectangular | 1 | 1.00 | 36 % (3.92 dB) | transients, order spectra of whole revolutions |
/// | hann | 0.5, 0.5 | 1.50 | 15 % (1.42 dB) | general machinery spectra (the default) |
/// | hamming | 0.54, 0.46 | 1.36 | 18 % (1.75 dB) | close tones of similar level |
/// | blackmanHarris | 0.35875, 0.48829, 0.14128, 0.01168 | 2.00 | 9.2 % (0.83 dB) | small tones next to large ones (−92 dB side lobes) |
/// | flatTop | HFT90D: 1, 1.942604, 1.340318, 0.440811, 0.043097 | 3.88 | < 0.05 % | reading amplitudes (calibration, alarm levels) |
///
/// Coefficients: Harris, "On the use of windows for harmonic analysis with the DFT", Proc. IEEE 66(1), 1978;
/// flat-top HFT90D from Heinzel, Rüdiger & Schilling, "Spectrum and spectral density estimation by the DFT",
/// Max-Planck-Institut für Gravitationsphysik, 2002, §D.
public enum WindowKind: String, Hashable, Sendable, Codable, CaseIterable {
    case rectangular
    case hann
    case hamming
    case blackmanHarris
    case flatTop

    /// a_m in w[j] = Σ_m (−1)^m·a_m·cos(2π·m·j/N).
    public var cosineCoefficients: [Double] {
        switch self {
        case .rectangular: [1]
        case .hann: [0.5, 0.5]
        case .hamming: [0.54, 0.46]
        case .blackmanHarris: [0.35875, 0.48829, 0.14128, 0.01168]
        case .flatTop: [1, 1.942604, 1.340318, 0.440811, 0.043097]
        }
    }

    /// |W(δ)|/|W(0)|: the window's amplitude response to a tone δ bins away from a bin centre, for N points.
    ///
    /// Exact for the periodic window: W(δ) = Σ_m (−1)^m·a_m/2·[D(δ−m) + D(δ+m)] with the Dirichlet kernel
    /// D(x) = Σ_{j<N} e^{−2πi·xj/N} = e^{−iπx(N−1)/N}·sin(πx)/sin(πx/N). `response(0.5)` is one minus the
    /// worst-case scalloping loss; `amplitude / response(δ)` corrects a bin amplitude read δ bins off a tone.
    public func response(atBinOffset offset: Double, count: Int) -> Double {
        guard count > 1, offset.isFinite else { return offset == 0 ? 1 : 0 }
        func transform(_ shift: Double) -> (Double, Double) {
            let coefficients = cosineCoefficients
            var re = 0.0
            var im = 0.0
            for (m, a) in coefficients.enumerated() {
                let sign: Double = m % 2 == 0 ? 1 : -1
                let weight = m == 0 ? a : sign * a / 2
                let shifts: [Double] = m == 0 ? [shift] : [shift - Double(m), shift + Double(m)]
                for x in shifts {
                    let n = Double(count)
                    let denominator = sin(Double.pi * x / n)
                    let magnitude = abs(denominator) < 1e-300 ? n : sin(Double.pi * x) / denominator
                    let phase = -Double.pi * x * (n - 1) / n
                    re += weight * magnitude * cos(phase)
                    im += weight * magnitude * sin(phase)
                }
            }
            return (re, im)
        }
        let (r0, i0) = transform(0)
        let (r, i) = transform(offset)
        let reference = (r0 * r0 + i0 * i0).squareRoot()
        return reference > 0 ? (r * r + i * i).squareRoot() / reference : 0
    }
}
