#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The in-place iterative radix-2 decimation-in-time FFT for a power-of-two length (Cooley & Tukey 1965).
///
/// Computes X[k] = Σ_{j=0}^{n-1} x[j]·e^{-2πi·jk/n} on split-complex data. Twiddle factors are precomputed once,
/// stored stage by stage so that each butterfly stage reads them contiguously, and computed directly with
/// cos/sin of exact arguments (no recurrence) for full double accuracy. The first two stages need no
/// multiplications; the rest run two radix-2 stages per pass over the data (a radix-2² butterfly on four points,
/// using w_{2h}[j+h] = −i·w_{2h}[j]), which halves the memory traffic of large transforms.
struct Radix2Kernel: Sendable {
    let count: Int
    /// `bitReversed[i]` is i with its log2(count) bits reversed.
    let bitReversed: [Int32]
    /// Twiddles for the stage of butterfly span `half` start at offset `half - 1`: e^{-2πi·j/(2·half)}, j < half.
    private let twiddleReal: [Double]
    private let twiddleImaginary: [Double]

    /// - Precondition: `count` is a power of two ≥ 1 (checked by `FFTPlan`).
    init(count: Int) {
        self.count = count
        var bits = 0
        while (1 << bits) < count { bits += 1 }
        var table = [Int32](repeating: 0, count: count)
        for index in 0..<count {
            var reversed = 0
            var value = index
            for _ in 0..<bits {
                reversed = (reversed << 1) | (value & 1)
                value >>= 1
            }
            table[index] = Int32(reversed)
        }
        bitReversed = table
        var re = [Double](repeating: 0, count: max(count - 1, 0))
        var im = [Double](repeating: 0, count: max(count - 1, 0))
        var half = 1
        while half < count {
            for j in 0..<half {
                let angle = -Double.pi * Double(j) / Double(half)
                re[half - 1 + j] = cos(angle)
                im[half - 1 + j] = sin(angle)
            }
            half <<= 1
        }
        twiddleReal = re
        twiddleImaginary = im
    }

    /// The forward transform in place, natural order in and out. For the inverse, call with `real` and
    /// `imaginary` exchanged (swap(FFT(swap(x))) = n·IFFT(x)) and scale by 1/n.
    func forward(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        guard count > 1 else { return }
        permute(real: real, imaginary: imaginary)
        forwardFromBitReversed(real: real, imaginary: imaginary)
    }

    /// Exchanges each element with the one at its bit-reversed index.
    func permute(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        bitReversed.withUnsafeBufferPointer { table in
            for a in 0..<table.count {
                let b = Int(table[a])
                guard a < b else { continue }
                let tr = real[a]
                real[a] = real[b]
                real[b] = tr
                let ti = imaginary[a]
                imaginary[a] = imaginary[b]
                imaginary[b] = ti
            }
        }
    }

    /// Decimation in frequency (Gentleman & Sande 1966): natural order in, bit-reversed order out, no permutation.
    /// Paired with `forwardFromBitReversed` (as the inverse, with swapped arrays) a convolution needs no
    /// permutation at all, which is how `BluesteinKernel` uses it: the scattered swaps cost a third of a transform.
    func forwardToBitReversed(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        let n = count
        guard n > 1 else { return }
        twiddleReal.withUnsafeBufferPointer { twr in
            twiddleImaginary.withUnsafeBufferPointer { twi in
                var half = n >> 1
                // Two stages per pass (spans 2h then h) over blocks of 4h: half the passes over memory.
                while half >= 2 {
                    let h = half >> 1
                    let w2r = twr.baseAddress! + (half - 1), w2i = twi.baseAddress! + (half - 1)
                    let w1r = twr.baseAddress! + (h - 1), w1i = twi.baseAddress! + (h - 1)
                    var start = 0
                    while start < n {
                        let r0 = real + start, i0 = imaginary + start
                        let r1 = r0 + h, i1 = i0 + h, r2 = r0 + 2 * h, i2 = i0 + 2 * h, r3 = r0 + 3 * h, i3 = i0 + 3 * h
                        for j in 0..<h {
                            let x0r = r0[j], x0i = i0[j], x1r = r1[j], x1i = i1[j]
                            let x2r = r2[j], x2i = i2[j], x3r = r3[j], x3i = i3[j]
                            let cr = w2r[j], ci = w2i[j]
                            // Span 2h: (x0, x2) with w2[j]; (x1, x3) with w2[j + h] = −i·w2[j].
                            let b0r = x0r + x2r, b0i = x0i + x2i
                            let d0r = x0r - x2r, d0i = x0i - x2i
                            let b2r = d0r * cr - d0i * ci, b2i = d0r * ci + d0i * cr
                            let b1r = x1r + x3r, b1i = x1i + x3i
                            let d1r = x1r - x3r, d1i = x1i - x3i
                            let er = d1r * cr - d1i * ci, ei = d1r * ci + d1i * cr
                            let b3r = ei, b3i = -er
                            // Span h: (b0, b1) and (b2, b3) with w1[j].
                            let vr = w1r[j], vi = w1i[j]
                            r0[j] = b0r + b1r
                            i0[j] = b0i + b1i
                            let f0r = b0r - b1r, f0i = b0i - b1i
                            r1[j] = f0r * vr - f0i * vi
                            i1[j] = f0r * vi + f0i * vr
                            r2[j] = b2r + b3r
                            i2[j] = b2i + b3i
                            let f1r = b2r - b3r, f1i = b2i - b3i
                            r3[j] = f1r * vr - f1i * vi
                            i3[j] = f1r * vi + f1i * vr
                        }
                        start += 4 * h
                    }
                    half >>= 2
                }
                if half == 1 {
                    // A last single stage of span 1: twiddle 1.
                    var i = 0
                    while i < n {
                        let ar = real[i], ai = imaginary[i], br = real[i + 1], bi = imaginary[i + 1]
                        real[i] = ar + br
                        imaginary[i] = ai + bi
                        real[i + 1] = ar - br
                        imaginary[i + 1] = ai - bi
                        i += 2
                    }
                }
            }
        }
    }

    /// Decimation in time (Cooley & Tukey 1965): bit-reversed order in, natural order out.
    func forwardFromBitReversed(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        let n = count
        guard n > 1 else { return }
        // Stage 1 (span 1): twiddle is 1, plain sums and differences.
        var i = 0
        while i < n {
            let ar = real[i], ai = imaginary[i], br = real[i + 1], bi = imaginary[i + 1]
            real[i] = ar + br
            imaginary[i] = ai + bi
            real[i + 1] = ar - br
            imaginary[i + 1] = ai - bi
            i += 2
        }
        guard n > 2 else { return }
        // Stage 2 (span 2): twiddles 1 and -i, no multiplications.
        i = 0
        while i < n {
            let ar = real[i], ai = imaginary[i], br = real[i + 2], bi = imaginary[i + 2]
            real[i] = ar + br
            imaginary[i] = ai + bi
            real[i + 2] = ar - br
            imaginary[i + 2] = ai - bi
            let cr = real[i + 1], ci = imaginary[i + 1], dr = imaginary[i + 3], di = -real[i + 3]
            real[i + 1] = cr + dr
            imaginary[i + 1] = ci + di
            real[i + 3] = cr - dr
            imaginary[i + 3] = ci - di
            i += 4
        }
        twiddleReal.withUnsafeBufferPointer { twr in
            twiddleImaginary.withUnsafeBufferPointer { twi in
                var half = 4
                while half < n {
                    if half * 2 < n {
                        // Two stages per pass (spans h then 2h) over blocks of 4h: half the passes over memory.
                        let h = half
                        let w1r = twr.baseAddress! + (h - 1), w1i = twi.baseAddress! + (h - 1)
                        let w2r = twr.baseAddress! + (2 * h - 1), w2i = twi.baseAddress! + (2 * h - 1)
                        var start = 0
                        while start < n {
                            let r0 = real + start, i0 = imaginary + start
                            let r1 = r0 + h, i1 = i0 + h, r2 = r0 + 2 * h, i2 = i0 + 2 * h
                            let r3 = r0 + 3 * h, i3 = i0 + 3 * h
                            for j in 0..<h {
                                let vr = w1r[j], vi = w1i[j]
                                // Span h: (x0, x1) and (x2, x3) with w1[j].
                                let x1r = r1[j], x1i = i1[j]
                                let t1r = x1r * vr - x1i * vi, t1i = x1r * vi + x1i * vr
                                let x0r = r0[j], x0i = i0[j]
                                let b0r = x0r + t1r, b0i = x0i + t1i
                                let b1r = x0r - t1r, b1i = x0i - t1i
                                let x3r = r3[j], x3i = i3[j]
                                let t3r = x3r * vr - x3i * vi, t3i = x3r * vi + x3i * vr
                                let x2r = r2[j], x2i = i2[j]
                                let b2r = x2r + t3r, b2i = x2i + t3i
                                let b3r = x2r - t3r, b3i = x2i - t3i
                                // Span 2h: (b0, b2) with w2[j]; (b1, b3) with w2[j + h] = −i·w2[j].
                                let cr = w2r[j], ci = w2i[j]
                                let ur = b2r * cr - b2i * ci, ui = b2r * ci + b2i * cr
                                r0[j] = b0r + ur
                                i0[j] = b0i + ui
                                r2[j] = b0r - ur
                                i2[j] = b0i - ui
                                let er = b3r * cr - b3i * ci, ei = b3r * ci + b3i * cr
                                let gr = ei, gi = -er
                                r1[j] = b1r + gr
                                i1[j] = b1i + gi
                                r3[j] = b1r - gr
                                i3[j] = b1i - gi
                            }
                            start += 4 * h
                        }
                        half <<= 2
                        continue
                    }
                    let wr = twr.baseAddress! + (half - 1)
                    let wi = twi.baseAddress! + (half - 1)
                    var start = 0
                    while start < n {
                        let ur = real + start, ui = imaginary + start
                        let vr = ur + half, vi = ui + half
                        for j in 0..<half {
                            let xr = vr[j], xi = vi[j]
                            let cr = wr[j], ci = wi[j]
                            let tr = xr * cr - xi * ci
                            let ti = xr * ci + xi * cr
                            let yr = ur[j], yi = ui[j]
                            ur[j] = yr + tr
                            ui[j] = yi + ti
                            vr[j] = yr - tr
                            vi[j] = yi - ti
                        }
                        start += half << 1
                    }
                    half <<= 1
                }
            }
        }
    }
}
