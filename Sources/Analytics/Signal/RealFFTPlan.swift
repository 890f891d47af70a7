#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A reusable plan for the DFT of real input of one length n ≥ 1, returning the n/2+1 non-negative-frequency bins.
///
/// For even n the n real samples are packed into n/2 complex values z[j] = x[2j] + i·x[2j+1], transformed with a
/// half-length `FFTPlan`, and separated (Press et al., *Numerical Recipes* 3rd ed. §12.3.2):
///
///     E[k] = (Z[k] + conj Z[m−k]) / 2,   O[k] = (Z[k] − conj Z[m−k]) / 2i,   X[k] = E[k] + e^{−2πik/n}·O[k]
///
/// with m = n/2, which halves the work compared with a complex transform of zero-padded imaginary parts.
/// Odd n falls back to a complex transform of length n. Bins are unscaled: X[0] = Σ x[j].
public struct RealFFTPlan: Sendable {
    /// The number of real samples n.
    public let count: Int
    /// n/2 + 1: bins 0 (DC) through ⌊n/2⌋ (Nyquist when n is even).
    public var binCount: Int { count / 2 + 1 }

    private let inner: FFTPlan
    private let packed: Bool
    /// e^{−2πik/n} for k in 0...m (even n only).
    private let twiddleReal: [Double]
    private let twiddleImaginary: [Double]

    /// - Throws: `invalidParameter` if `count` < 1 or larger than `FFTPlan.maximumCount`.
    public init(count: Int) throws(AnalyticsError) {
        guard count >= 1, count <= FFTPlan.maximumCount else {
            throw AnalyticsError(.invalidParameter, "an FFT length must be between 1 and 2^24 (16 777 216), not \(count)")
        }
        self.count = count
        packed = count % 2 == 0
        if packed {
            let m = count / 2
            inner = try FFTPlan(count: m)
            var re = [Double](repeating: 0, count: m + 1)
            var im = [Double](repeating: 0, count: m + 1)
            for k in 0...m {
                let angle = -2 * Double.pi * Double(k) / Double(count)
                re[k] = cos(angle)
                im[k] = sin(angle)
            }
            twiddleReal = re
            twiddleImaginary = im
        } else {
            inner = try FFTPlan(count: count)
            twiddleReal = []
            twiddleImaginary = []
        }
    }

    /// The n/2+1 bins of the DFT of `signal`.
    /// - Throws: `lengthMismatch` unless `signal` has exactly `count` samples.
    public func forward(_ signal: [Double]) throws(AnalyticsError) -> ComplexSignal {
        guard signal.count == count else {
            throw AnalyticsError(.lengthMismatch, "this FFT plan is for \(count) samples but got \(signal.count)")
        }
        return signal.withUnsafeBufferPointer { forwardUnchecked($0) }
    }

    /// The real signal whose DFT bins 0...n/2 are `spectrum` (the inverse of `forward`, scaled by 1/n).
    /// The imaginary parts of bin 0 and, for even n, bin n/2 are ignored, as they are zero for any real signal.
    /// - Throws: `lengthMismatch` unless `spectrum` has exactly `binCount` bins.
    public func inverse(_ spectrum: ComplexSignal) throws(AnalyticsError) -> [Double] {
        guard spectrum.count == binCount else {
            throw AnalyticsError(
                .lengthMismatch, "this FFT plan expects \(binCount) bins for \(count) samples but got \(spectrum.count)")
        }
        return packed ? inversePacked(spectrum) : inverseOdd(spectrum)
    }

    func forwardUnchecked(_ signal: UnsafeBufferPointer<Double>) -> ComplexSignal {
        let n = count
        guard packed else {
            var re = Array(signal)
            var im = [Double](repeating: 0, count: n)
            re.withUnsafeMutableBufferPointer { r in
                im.withUnsafeMutableBufferPointer { i in inner.forwardUnchecked(real: r.baseAddress!, imaginary: i.baseAddress!) }
            }
            re.removeLast(n - binCount)
            im.removeLast(n - binCount)
            return ComplexSignal(uncheckedReal: re, imaginary: im)
        }
        let m = n / 2
        var zr = [Double](repeating: 0, count: m)
        var zi = [Double](repeating: 0, count: m)
        var outReal = [Double](repeating: 0, count: m + 1)
        var outImaginary = [Double](repeating: 0, count: m + 1)
        zr.withUnsafeMutableBufferPointer { zrBuffer in
            zi.withUnsafeMutableBufferPointer { ziBuffer in
                let zr = zrBuffer.baseAddress!, zi = ziBuffer.baseAddress!
                let x = signal.baseAddress!
                if case .radix2(let kernel) = inner.kernel {
                    // Pack straight into bit-reversed order, saving the in-place permutation pass.
                    kernel.bitReversed.withUnsafeBufferPointer { table in
                        for j in 0..<m {
                            let target = Int(table[j])
                            zr[target] = x[2 * j]
                            zi[target] = x[2 * j + 1]
                        }
                    }
                    kernel.forwardFromBitReversed(real: zr, imaginary: zi)
                } else {
                    for j in 0..<m {
                        zr[j] = x[2 * j]
                        zi[j] = x[2 * j + 1]
                    }
                    inner.forwardUnchecked(real: zr, imaginary: zi)
                }
                outReal.withUnsafeMutableBufferPointer { orBuffer in
                    outImaginary.withUnsafeMutableBufferPointer { oiBuffer in
                        twiddleReal.withUnsafeBufferPointer { tr in
                            twiddleImaginary.withUnsafeBufferPointer { ti in
                                let outR = orBuffer.baseAddress!, outI = oiBuffer.baseAddress!
                                for k in 0...m {
                                    let a = k == m ? 0 : k
                                    let b = k == 0 ? 0 : m - k
                                    let ar = zr[a], ai = zi[a]
                                    let br = zr[b], bi = -zi[b]  // conj Z[m−k]
                                    let er = 0.5 * (ar + br), ei = 0.5 * (ai + bi)
                                    // (Z − conj Z')/2i = ((ai − bi)/2, −(ar − br)/2)
                                    let orr = 0.5 * (ai - bi), oi = -0.5 * (ar - br)
                                    let wr = tr[k], wi = ti[k]
                                    outR[k] = er + wr * orr - wi * oi
                                    outI[k] = ei + wr * oi + wi * orr
                                }
                            }
                        }
                    }
                }
            }
        }
        return ComplexSignal(uncheckedReal: outReal, imaginary: outImaginary)
    }

    private func inversePacked(_ spectrum: ComplexSignal) -> [Double] {
        let m = count / 2
        var zr = [Double](repeating: 0, count: m)
        var zi = [Double](repeating: 0, count: m)
        var result = [Double](repeating: 0, count: count)
        spectrum.real.withUnsafeBufferPointer { xr in
            spectrum.imaginary.withUnsafeBufferPointer { xiRaw in
                zr.withUnsafeMutableBufferPointer { zrBuffer in
                    zi.withUnsafeMutableBufferPointer { ziBuffer in
                        let zr = zrBuffer.baseAddress!, zi = ziBuffer.baseAddress!
                        for k in 0..<m {
                            // Bins 0 and m of a real signal are real: ignore their imaginary parts.
                            let ai = k == 0 ? 0 : xiRaw[k]
                            let bi = m - k == m || m - k == 0 ? 0 : -xiRaw[m - k]
                            let ar = xr[k], br = xr[m - k]
                            let er = 0.5 * (ar + br), ei = 0.5 * (ai + bi)
                            let dr = 0.5 * (ar - br), di = 0.5 * (ai - bi)
                            // O = D·e^{+2πik/n} = D·conj(twiddle)
                            let wr = twiddleReal[k], wi = -twiddleImaginary[k]
                            let orr = dr * wr - di * wi, oi = dr * wi + di * wr
                            // Z = E + i·O
                            zr[k] = er - oi
                            zi[k] = ei + orr
                        }
                        inner.inverseUnchecked(real: zr, imaginary: zi)
                        for j in 0..<m {
                            result[2 * j] = zr[j]
                            result[2 * j + 1] = zi[j]
                        }
                    }
                }
            }
        }
        return result
    }

    private func inverseOdd(_ spectrum: ComplexSignal) -> [Double] {
        let n = count
        var re = [Double](repeating: 0, count: n)
        var im = [Double](repeating: 0, count: n)
        re[0] = spectrum.real[0]
        for k in 1..<binCount {
            re[k] = spectrum.real[k]
            im[k] = spectrum.imaginary[k]
            re[n - k] = spectrum.real[k]
            im[n - k] = -spectrum.imaginary[k]
        }
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { i in inner.inverseUnchecked(real: r.baseAddress!, imaginary: i.baseAddress!) }
        }
        return re
    }
}
