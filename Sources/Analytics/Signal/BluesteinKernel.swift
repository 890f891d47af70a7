#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The FFT of any length n as a convolution of length m = 2^⌈log2(2n−1)⌉ (Bluestein 1970, the chirp-z transform).
///
/// With jk = (j² + k² − (k−j)²)/2 the DFT becomes
/// X[k] = w[k] · Σ_j (x[j]·w[j]) · conj(w[k−j]),  w[k] = e^{−iπk²/n},
/// a circular convolution of a = x·w with b = conj(w) that runs on power-of-two FFTs. The FFT of b is
/// precomputed. k² is reduced modulo 2n in integers before the angle is formed, so the chirp stays accurate
/// for large n (where πk²/n in floating point would lose the low bits).
struct BluesteinKernel: Sendable {
    let count: Int
    private let paddedCount: Int
    private let inner: Radix2Kernel
    private let chirpReal: [Double]
    private let chirpImaginary: [Double]
    /// FFT of the conjugate chirp filter, pre-scaled by 1/m so that the inverse needs no separate scaling pass.
    private let filterReal: [Double]
    private let filterImaginary: [Double]

    init(count n: Int) {
        count = n
        var m = 1
        while m < 2 * n - 1 { m <<= 1 }
        paddedCount = m
        let inner = Radix2Kernel(count: m)
        self.inner = inner
        var cr = [Double](repeating: 0, count: n)
        var ci = [Double](repeating: 0, count: n)
        let twoN = 2 * n
        for k in 0..<n {
            let square = (k * k) % twoN
            let angle = -Double.pi * Double(square) / Double(n)
            cr[k] = cos(angle)
            ci[k] = sin(angle)
        }
        var br = [Double](repeating: 0, count: m)
        var bi = [Double](repeating: 0, count: m)
        let scale = 1 / Double(m)
        for k in 0..<n {
            br[k] = cr[k] * scale
            bi[k] = -ci[k] * scale
            if k > 0 {
                br[m - k] = cr[k] * scale
                bi[m - k] = -ci[k] * scale
            }
        }
        br.withUnsafeMutableBufferPointer { re in
            bi.withUnsafeMutableBufferPointer { im in
                // Kept in bit-reversed order, the order `forwardToBitReversed` leaves the data's spectrum in.
                inner.forwardToBitReversed(real: re.baseAddress!, imaginary: im.baseAddress!)
            }
        }
        chirpReal = cr
        chirpImaginary = ci
        filterReal = br
        filterImaginary = bi
    }

    /// The forward DFT of `count` values in place; one scratch allocation of 2m doubles per call.
    func forward(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        let n = count
        let m = paddedCount
        var scratchReal = [Double](repeating: 0, count: m)
        var scratchImaginary = [Double](repeating: 0, count: m)
        scratchReal.withUnsafeMutableBufferPointer { arBuffer in
            scratchImaginary.withUnsafeMutableBufferPointer { aiBuffer in
                chirpReal.withUnsafeBufferPointer { cr in
                    chirpImaginary.withUnsafeBufferPointer { ci in
                        filterReal.withUnsafeBufferPointer { fr in
                            filterImaginary.withUnsafeBufferPointer { fi in
                                let ar = arBuffer.baseAddress!
                                let ai = aiBuffer.baseAddress!
                                for k in 0..<n {
                                    let xr = real[k], xi = imaginary[k]
                                    ar[k] = xr * cr[k] - xi * ci[k]
                                    ai[k] = xr * ci[k] + xi * cr[k]
                                }
                                inner.forwardToBitReversed(real: ar, imaginary: ai)
                                for k in 0..<m {
                                    let xr = ar[k], xi = ai[k]
                                    ar[k] = xr * fr[k] - xi * fi[k]
                                    ai[k] = xr * fi[k] + xi * fr[k]
                                }
                                // Inverse by exchanging the arrays, from bit-reversed back to natural order;
                                // the 1/m is already in the filter.
                                inner.forwardFromBitReversed(real: ai, imaginary: ar)
                                for k in 0..<n {
                                    let yr = ar[k], yi = ai[k]
                                    real[k] = yr * cr[k] - yi * ci[k]
                                    imaginary[k] = yr * ci[k] + yi * cr[k]
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
