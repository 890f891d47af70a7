#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The coefficients of one window for one length, with the gains that make amplitudes and densities come out right.
///
/// - Coherent gain CG = Σw/N: a tone of amplitude A centred on a bin reads A·CG after windowing, so amplitude
///   spectra divide by Σw (`AmplitudeSpectrum`).
/// - Noise power gain NPG = Σw²/N: broadband power is reduced by NPG, so densities divide by fs·Σw²
///   (`PowerSpectralDensity`).
/// - Equivalent noise bandwidth ENBW = N·Σw²/(Σw)² bins: the width of the rectangular filter passing the same
///   noise power; multiply by the bin spacing for hertz (Harris 1978, eq. 12).
public struct Window: Hashable, Sendable {
    public let kind: WindowKind
    public let coefficients: [Double]
    /// Σw.
    public let sum: Double
    /// Σw².
    public let sumOfSquares: Double

    /// - Throws: `invalidParameter` if `count` < 1 or above `FFTPlan.maximumCount`.
    public init(_ kind: WindowKind, count: Int) throws(AnalyticsError) {
        guard count >= 1, count <= FFTPlan.maximumCount else {
            throw AnalyticsError(
                .invalidParameter, "a window needs 1 to \(FFTPlan.maximumCount) points, not \(count)")
        }
        self.kind = kind
        var values = [Double](repeating: 0, count: count)
        let a = kind.cosineCoefficients
        for j in 0..<count {
            let z = 2 * Double.pi * Double(j) / Double(count)
            var w = a[0]
            for m in 1..<a.count {
                w += (m % 2 == 0 ? 1 : -1) * a[m] * cos(Double(m) * z)
            }
            values[j] = w
        }
        coefficients = values
        var s = 0.0
        var s2 = 0.0
        for w in values {
            s += w
            s2 += w * w
        }
        sum = s
        sumOfSquares = s2
    }

    public var count: Int { coefficients.count }
    /// Σw/N (1 for rectangular, 0.5 for Hann).
    public var coherentGain: Double { sum / Double(count) }
    /// Σw²/N (1 for rectangular, 0.375 for Hann).
    public var noisePowerGain: Double { sumOfSquares / Double(count) }
    /// N·Σw²/(Σw)² in bins (1 for rectangular, 1.5 for Hann).
    public var equivalentNoiseBandwidth: Double { Double(count) * sumOfSquares / (sum * sum) }
    /// The fraction of a tone's amplitude lost when it falls exactly between two bins, 1 − |W(½)|/|W(0)|.
    public var worstCaseScallopingLoss: Double { 1 - kind.response(atBinOffset: 0.5, count: count) }

    /// w[j]·x[j]. - Throws: `lengthMismatch` unless `signal` has `count` samples.
    public func apply(to signal: [Double]) throws(AnalyticsError) -> [Double] {
        guard signal.count == count else {
            throw AnalyticsError(.lengthMismatch, "the window has \(count) points but the signal has \(signal.count)")
        }
        var result = signal
        multiply(&result)
        return result
    }

    /// Multiplies `buffer` (of `count` values, not checked) by the window in place.
    func multiply(_ buffer: inout [Double]) {
        coefficients.withUnsafeBufferPointer { w in
            buffer.withUnsafeMutableBufferPointer { x in
                for j in 0..<w.count { x[j] *= w[j] }
            }
        }
    }
}
