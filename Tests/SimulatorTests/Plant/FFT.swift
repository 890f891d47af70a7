#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A plain iterative radix-2 Cooley–Tukey FFT for the tests. The simulator must not depend on the analytics
/// it is meant to exercise, so the tests carry their own, deliberately simple one.
enum FFT {
    /// In-place forward (or inverse, unscaled) transform; the count must be a power of two.
    static func transform(real: inout [Double], imaginary: inout [Double], inverse: Bool = false) {
        let n = real.count
        precondition(n > 0 && n & (n - 1) == 0, "FFT length must be a power of two")
        // Bit-reversal permutation.
        var j = 0
        for i in 1..<n {
            var bit = n >> 1
            while j & bit != 0 {
                j ^= bit
                bit >>= 1
            }
            j |= bit
            if i < j {
                real.swapAt(i, j)
                imaginary.swapAt(i, j)
            }
        }
        var length = 2
        let sign = inverse ? 1.0 : -1.0
        while length <= n {
            let angle = sign * 2 * Double.pi / Double(length)
            let (wr, wi) = (cos(angle), sin(angle))
            var start = 0
            while start < n {
                var (ur, ui) = (1.0, 0.0)
                for k in 0..<(length / 2) {
                    let a = start + k
                    let b = a + length / 2
                    let tr = real[b] * ur - imaginary[b] * ui
                    let ti = real[b] * ui + imaginary[b] * ur
                    real[b] = real[a] - tr
                    imaginary[b] = imaginary[a] - ti
                    real[a] += tr
                    imaginary[a] += ti
                    (ur, ui) = (ur * wr - ui * wi, ur * wi + ui * wr)
                }
                start += length
            }
            length <<= 1
        }
    }

    /// The complex spectrum of a real signal.
    static func forward(_ signal: [Double]) -> (real: [Double], imaginary: [Double]) {
        var real = signal
        var imaginary = [Double](repeating: 0, count: signal.count)
        transform(real: &real, imaginary: &imaginary)
        return (real, imaginary)
    }
}
