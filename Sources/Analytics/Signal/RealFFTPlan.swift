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
/// with m = n/2, which halves the work compared with a complex transform of zero-padded imaginary parts. The
/// packing costs no pass of its own when the half length runs the vectorised Stockham kernel (its first stage reads
/// the samples interleaved), and the separation runs in place in the output, bin pairs (k, m−k) at a time.
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
        try checkLength(signal.count)
        return signal.withUnsafeBufferPointer { forwardUnchecked($0) }
    }

    /// The n/2+1 bins of the DFT of `signal`, written into `spectrum`: no allocation when `spectrum` already has
    /// `binCount` bins (reuse one spectrum per channel), else it is replaced by one of the right size. The working
    /// memory comes from the stack for small n and from one heap block per call for large n; to avoid even that,
    /// pass a `scratch` array (`forward(_:into:scratch:)`).
    /// - Throws: `lengthMismatch` unless `signal` has exactly `count` samples.
    public func forward(_ signal: [Double], into spectrum: inout ComplexSignal) throws(AnalyticsError) {
        try checkLength(signal.count)
        prepare(&spectrum)
        signal.withUnsafeBufferPointer { x in
            spectrum.real.withUnsafeMutableBufferPointer { re in
                spectrum.imaginary.withUnsafeMutableBufferPointer { im in
                    forwardUnchecked(x.baseAddress!, real: re.baseAddress!, imaginary: im.baseAddress!, scratch: nil)
                }
            }
        }
    }

    /// `forward(_:into:)` with caller-owned working memory: `scratch` grows to `scratchCount` values on first use
    /// and is reused after that, so a loop over blocks of one channel allocates nothing. Its contents are
    /// overwritten.
    /// - Throws: `lengthMismatch` unless `signal` has exactly `count` samples.
    public func forward(
        _ signal: [Double], into spectrum: inout ComplexSignal, scratch: inout [Double]
    ) throws(AnalyticsError) {
        try checkLength(signal.count)
        prepare(&spectrum)
        if scratch.count < scratchCount {
            scratch = [Double](repeating: 0, count: scratchCount)
        }
        signal.withUnsafeBufferPointer { x in
            spectrum.real.withUnsafeMutableBufferPointer { re in
                spectrum.imaginary.withUnsafeMutableBufferPointer { im in
                    scratch.withUnsafeMutableBufferPointer { work in
                        forwardUnchecked(
                            x.baseAddress!, real: re.baseAddress!, imaginary: im.baseAddress!, scratch: work.baseAddress!)
                    }
                }
            }
        }
    }

    /// The working memory `forward(_:into:scratch:)` needs: n doubles (two buffers of n/2 for even n, two of n for
    /// odd n, which need a complex transform).
    public var scratchCount: Int { packed ? count : 2 * count }

    private func prepare(_ spectrum: inout ComplexSignal) {
        if spectrum.real.count != binCount || spectrum.imaginary.count != binCount {
            spectrum = ComplexSignal(real: [Double](repeating: 0, count: binCount))
        }
    }

    private func checkLength(_ signalCount: Int) throws(AnalyticsError) {
        guard signalCount == count else {
            throw AnalyticsError(.lengthMismatch, "this FFT plan is for \(count) samples but got \(signalCount)")
        }
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

    /// The bins of `count` samples in new arrays.
    func forwardUnchecked(_ signal: UnsafeBufferPointer<Double>) -> ComplexSignal {
        let bins = binCount
        // Every element is written by the transform before anyone reads it.
        var real = [Double](unsafeUninitializedCapacity: bins) { _, initialized in initialized = bins }
        var imaginary = [Double](unsafeUninitializedCapacity: bins) { _, initialized in initialized = bins }
        real.withUnsafeMutableBufferPointer { re in
            imaginary.withUnsafeMutableBufferPointer { im in
                forwardUnchecked(signal.baseAddress!, real: re.baseAddress!, imaginary: im.baseAddress!, scratch: nil)
            }
        }
        return ComplexSignal(uncheckedReal: real, imaginary: imaginary)
    }

    /// The bins of the `count` samples at `x` into `binCount` values at `real` and `imaginary`, with `scratchCount`
    /// values of working memory at `scratch` or, if nil, a temporary allocation.
    func forwardUnchecked(
        _ x: UnsafePointer<Double>, real outR: UnsafeMutablePointer<Double>, imaginary outI: UnsafeMutablePointer<Double>,
        scratch: UnsafeMutablePointer<Double>?
    ) {
        guard let scratch else {
            withUnsafeTemporaryAllocation(of: Double.self, capacity: scratchCount) { buffer in
                forwardUnchecked(x, real: outR, imaginary: outI, scratch: buffer.baseAddress!)
            }
            return
        }
        let n = count
        guard packed else {
            let re = scratch, im = scratch + n
            re.update(from: x, count: n)
            im.update(repeating: 0, count: n)
            inner.forwardUnchecked(real: re, imaginary: im)
            outR.update(from: re, count: binCount)
            outI.update(from: im, count: binCount)
            return
        }
        // z[j] = x[2j] + i·x[2j+1], transformed into bins 0..<m of the output.
        let m = n / 2
        if case .stockham(let kernel) = inner.kernel {
            kernel.forward(
                interleaved: x, outputReal: outR, outputImaginary: outI, scratchReal: scratch,
                scratchImaginary: scratch + m)
        } else {
            for j in 0..<m {
                outR[j] = x[2 * j]
                outI[j] = x[2 * j + 1]
            }
            inner.forwardUnchecked(real: outR, imaginary: outI)
        }
        separate(real: outR, imaginary: outI)
    }

    /// Turns Z[0..<m] into X[0...m] in place, a pair of bins (k, m−k) at a time: with E = (Z[k] + conj Z[m−k])/2,
    /// O = (Z[k] − conj Z[m−k])/2i and T = e^{−2πik/n}·O, X[k] = E + T and X[m−k] = conj(E − T), since the E and O
    /// of bin m−k are the conjugates of those of bin k and e^{−2πi(m−k)/n} = −conj e^{−2πik/n}.
    private func separate(real outR: UnsafeMutablePointer<Double>, imaginary outI: UnsafeMutablePointer<Double>) {
        let m = count / 2
        let z0r = outR[0], z0i = outI[0]
        outR[0] = z0r + z0i
        outI[0] = 0
        outR[m] = z0r - z0i
        outI[m] = 0
        twiddleReal.withUnsafeBufferPointer { tr in
            twiddleImaginary.withUnsafeBufferPointer { ti in
                var k = 1
                // Two bins k, k+1 at a time with their partners m−k, m−k−1 (one reversed pair).
                while 2 * (k + 1) < m {
                    let j = m - k - 1
                    let ar = SIMD2(outR[k], outR[k + 1]), ai = SIMD2(outI[k], outI[k + 1])
                    let br = SIMD2(outR[j + 1], outR[j]), bi = -SIMD2(outI[j + 1], outI[j])
                    let er = 0.5 * (ar + br), ei = 0.5 * (ai + bi)
                    let orr = 0.5 * (ai - bi), oi = -0.5 * (ar - br)
                    let wr = SIMD2(tr[k], tr[k + 1]), wi = SIMD2(ti[k], ti[k + 1])
                    let xr = wr * orr - wi * oi, xi = wr * oi + wi * orr
                    let sumR = er + xr, sumI = ei + xi, diffR = er - xr, diffI = xi - ei
                    outR[k] = sumR[0]
                    outR[k + 1] = sumR[1]
                    outI[k] = sumI[0]
                    outI[k + 1] = sumI[1]
                    outR[j + 1] = diffR[0]
                    outR[j] = diffR[1]
                    outI[j + 1] = diffI[0]
                    outI[j] = diffI[1]
                    k += 2
                }
                while 2 * k < m {
                    let j = m - k
                    let ar = outR[k], ai = outI[k]
                    let br = outR[j], bi = -outI[j]  // conj Z[m−k]
                    let er = 0.5 * (ar + br), ei = 0.5 * (ai + bi)
                    // (Z − conj Z')/2i = ((ai − bi)/2, −(ar − br)/2)
                    let orr = 0.5 * (ai - bi), oi = -0.5 * (ar - br)
                    let wr = tr[k], wi = ti[k]
                    let tr = wr * orr - wi * oi, tim = wr * oi + wi * orr
                    outR[k] = er + tr
                    outI[k] = ei + tim
                    outR[j] = er - tr
                    outI[j] = tim - ei
                    k += 1
                }
                if 2 * k == m {
                    // The middle bin pairs with itself: X[m/2] = conj Z[m/2].
                    outI[k] = -outI[k]
                }
            }
        }
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
