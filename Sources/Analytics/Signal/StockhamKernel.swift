#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The FFT of a length whose prime factors are all small (n = 2^a·3^b·5^c·7^d·11^e·13^f, e.g. 1000 = 8·125,
/// 10^6 = 2^6·5^6, 48 000), by Stockham's self-sorting formulation of mixed-radix Cooley–Tukey: no bit-reversal,
/// each stage reads one buffer and writes the other.
///
/// A stage of radix r on sub-transforms of length L = r·m with stride s (Stockham 1966; Van Loan, *Computational
/// Frameworks for the FFT*, 1992, §1.7): for p < m and q < s, with a_t = x[q + s·(p + t·m)],
///
///     y[q + s·(r·p + u)] = (Σ_t a_t·e^{−2πi·t·u/r}) · e^{−2πi·p·u/L},   u < r,
///
/// then L ← m and s ← s·r. After the last stage y holds X in natural order. Radices 4, 2, 3 and 5 have hand-written
/// butterflies (no multiplication for 2 and 4); 7, 11 and 13 use a direct r-point DFT. Twiddles are computed once
/// per plan with cos/sin of exact arguments (p·u mod L), so accuracy does not degrade with n.
struct StockhamKernel: Sendable {
    let count: Int
    /// The radices, in stage order.
    let radices: [Int]
    /// Per stage, e^{−2πi·p·u/L} at [p·(r−1) + u − 1] for p < m, 1 ≤ u < r.
    private let twiddleReal: [[Double]]
    private let twiddleImaginary: [[Double]]

    /// The primes a length may consist of to use this kernel.
    static let primes = [2, 3, 5, 7, 11, 13]

    /// The radices of `count` (4s first, then 2, 3, 5, 7, 11, 13), or nil if it has a larger prime factor.
    static func radices(of count: Int) -> [Int]? {
        guard count > 1 else { return nil }
        var rest = count
        var result: [Int] = []
        while rest % 4 == 0 {
            result.append(4)
            rest /= 4
        }
        for prime in primes {
            while rest % prime == 0 {
                result.append(prime)
                rest /= prime
            }
        }
        return rest == 1 ? result : nil
    }

    /// - Precondition: `radices(of: count)` is not nil (checked by `FFTPlan`).
    init(count: Int) {
        self.count = count
        radices = Self.radices(of: count) ?? [count]
        var twr: [[Double]] = []
        var twi: [[Double]] = []
        var length = count
        for r in radices {
            let m = length / r
            var re = [Double](repeating: 0, count: m * (r - 1))
            var im = [Double](repeating: 0, count: m * (r - 1))
            for p in 0..<m {
                for u in 1..<r {
                    let angle = -2 * Double.pi * Double((p * u) % length) / Double(length)
                    re[p * (r - 1) + u - 1] = cos(angle)
                    im[p * (r - 1) + u - 1] = sin(angle)
                }
            }
            twr.append(re)
            twi.append(im)
            length = m
        }
        twiddleReal = twr
        twiddleImaginary = twi
    }

    /// The forward transform in place, natural order in and out.
    func forward(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        let n = count
        let workReal = UnsafeMutablePointer<Double>.allocate(capacity: n)
        let workImaginary = UnsafeMutablePointer<Double>.allocate(capacity: n)
        defer {
            workReal.deallocate()
            workImaginary.deallocate()
        }
        var xr = real, xi = imaginary, yr = workReal, yi = workImaginary
        var length = n
        var stride = 1
        for (stage, r) in radices.enumerated() {
            let m = length / r
            twiddleReal[stage].withUnsafeBufferPointer { twr in
                twiddleImaginary[stage].withUnsafeBufferPointer { twi in
                    let wr = twr.baseAddress!, wi = twi.baseAddress!
                    switch r {
                    case 4: Self.radix4(xr, xi, yr, yi, m: m, s: stride, wr: wr, wi: wi)
                    case 2: Self.radix2(xr, xi, yr, yi, m: m, s: stride, wr: wr, wi: wi)
                    case 3: Self.radix3(xr, xi, yr, yi, m: m, s: stride, wr: wr, wi: wi)
                    case 5: Self.radix5(xr, xi, yr, yi, m: m, s: stride, wr: wr, wi: wi)
                    default: Self.radixGeneric(r, xr, xi, yr, yi, m: m, s: stride, wr: wr, wi: wi)
                    }
                }
            }
            swap(&xr, &yr)
            swap(&xi, &yi)
            length = m
            stride *= r
        }
        if xr != real {
            real.update(from: xr, count: n)
            imaginary.update(from: xi, count: n)
        }
    }

    // Each butterfly below reads a_t = x[q + s·(p + t·m)] and writes y[q + s·(r·p + u)].

    private static func radix2(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        for p in 0..<m {
            let w1r = wr[p], w1i = wi[p]
            let a = xr + s * p, ai = xi + s * p, b = xr + s * (p + m), bi = xi + s * (p + m)
            let y0 = yr + s * 2 * p, y0i = yi + s * 2 * p, y1 = y0 + s, y1i = y0i + s
            for q in 0..<s {
                let ar = a[q], aim = ai[q], br = b[q], bim = bi[q]
                y0[q] = ar + br
                y0i[q] = aim + bim
                let dr = ar - br, di = aim - bim
                y1[q] = dr * w1r - di * w1i
                y1i[q] = dr * w1i + di * w1r
            }
        }
    }

    private static func radix4(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        for p in 0..<m {
            let w1r = wr[3 * p], w1i = wi[3 * p], w2r = wr[3 * p + 1], w2i = wi[3 * p + 1]
            let w3r = wr[3 * p + 2], w3i = wi[3 * p + 2]
            let x0 = xr + s * p, x0i = xi + s * p
            let x1 = x0 + s * m, x1i = x0i + s * m, x2 = x1 + s * m, x2i = x1i + s * m, x3 = x2 + s * m, x3i = x2i + s * m
            let y0 = yr + s * 4 * p, y0i = yi + s * 4 * p
            let y1 = y0 + s, y1i = y0i + s, y2 = y1 + s, y2i = y1i + s, y3 = y2 + s, y3i = y2i + s
            for q in 0..<s {
                let ar = x0[q], ai = x0i[q], br = x1[q], bi = x1i[q], cr = x2[q], ci = x2i[q], dr = x3[q], di = x3i[q]
                let apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci
                let bpdR = br + dr, bpdI = bi + di
                // −i·(b − d)
                let jR = bi - di, jI = dr - br
                y0[q] = apcR + bpdR
                y0i[q] = apcI + bpdI
                let u1r = amcR + jR, u1i = amcI + jI
                y1[q] = u1r * w1r - u1i * w1i
                y1i[q] = u1r * w1i + u1i * w1r
                let u2r = apcR - bpdR, u2i = apcI - bpdI
                y2[q] = u2r * w2r - u2i * w2i
                y2i[q] = u2r * w2i + u2i * w2r
                let u3r = amcR - jR, u3i = amcI - jI
                y3[q] = u3r * w3r - u3i * w3i
                y3i[q] = u3r * w3i + u3i * w3r
            }
        }
    }

    private static func radix3(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        let c = -0.5, d = -0.866_025_403_784_438_6  // cos(2π/3), −sin(2π/3)
        for p in 0..<m {
            let w1r = wr[2 * p], w1i = wi[2 * p], w2r = wr[2 * p + 1], w2i = wi[2 * p + 1]
            let x0 = xr + s * p, x0i = xi + s * p, x1 = x0 + s * m, x1i = x0i + s * m, x2 = x1 + s * m, x2i = x1i + s * m
            let y0 = yr + s * 3 * p, y0i = yi + s * 3 * p, y1 = y0 + s, y1i = y0i + s, y2 = y1 + s, y2i = y1i + s
            for q in 0..<s {
                let ar = x0[q], ai = x0i[q], br = x1[q], bi = x1i[q], cr = x2[q], ci = x2i[q]
                let sr = br + cr, si = bi + ci, dr = br - cr, di = bi - ci
                y0[q] = ar + sr
                y0i[q] = ai + si
                let mr = ar + c * sr, mi = ai + c * si
                // X1 = m + i·d·(b − c), X2 = m − i·d·(b − c), with d = −sin(2π/3).
                let tr = -d * di, ti = d * dr
                let u1r = mr + tr, u1i = mi + ti
                let u2r = mr - tr, u2i = mi - ti
                y1[q] = u1r * w1r - u1i * w1i
                y1i[q] = u1r * w1i + u1i * w1r
                y2[q] = u2r * w2r - u2i * w2i
                y2i[q] = u2r * w2i + u2i * w2r
            }
        }
    }

    private static func radix5(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        // cos and sin of 2π/5 and 4π/5.
        let c1 = 0.309_016_994_374_947_45, c2 = -0.809_016_994_374_947_5
        let s1 = 0.951_056_516_295_153_5, s2 = 0.587_785_252_292_473_2
        for p in 0..<m {
            let base = 4 * p
            let x0 = xr + s * p, x0i = xi + s * p, x1 = x0 + s * m, x1i = x0i + s * m, x2 = x1 + s * m, x2i = x1i + s * m
            let x3 = x2 + s * m, x3i = x2i + s * m, x4 = x3 + s * m, x4i = x3i + s * m
            let y0 = yr + s * 5 * p, y0i = yi + s * 5 * p
            for q in 0..<s {
                let ar = x0[q], ai = x0i[q]
                let b1r = x1[q] + x4[q], b1i = x1i[q] + x4i[q], d1r = x1[q] - x4[q], d1i = x1i[q] - x4i[q]
                let b2r = x2[q] + x3[q], b2i = x2i[q] + x3i[q], d2r = x2[q] - x3[q], d2i = x2i[q] - x3i[q]
                y0[q] = ar + b1r + b2r
                y0i[q] = ai + b1i + b2i
                let m1r = ar + c1 * b1r + c2 * b2r, m1i = ai + c1 * b1i + c2 * b2i
                let m2r = ar + c2 * b1r + c1 * b2r, m2i = ai + c2 * b1i + c1 * b2i
                // X1 = m1 − i·(s1·d1 + s2·d2), X4 = m1 + i·(…); X2 = m2 − i·(s2·d1 − s1·d2), X3 = m2 + i·(…).
                let n1r = s1 * d1r + s2 * d2r, n1i = s1 * d1i + s2 * d2i
                let n2r = s2 * d1r - s1 * d2r, n2i = s2 * d1i - s1 * d2i
                let u1r = m1r + n1i, u1i = m1i - n1r
                let u4r = m1r - n1i, u4i = m1i + n1r
                let u2r = m2r + n2i, u2i = m2i - n2r
                let u3r = m2r - n2i, u3i = m2i + n2r
                let t1r = wr[base], t1i = wi[base], t2r = wr[base + 1], t2i = wi[base + 1]
                let t3r = wr[base + 2], t3i = wi[base + 2], t4r = wr[base + 3], t4i = wi[base + 3]
                y0[q + s] = u1r * t1r - u1i * t1i
                y0i[q + s] = u1r * t1i + u1i * t1r
                y0[q + 2 * s] = u2r * t2r - u2i * t2i
                y0i[q + 2 * s] = u2r * t2i + u2i * t2r
                y0[q + 3 * s] = u3r * t3r - u3i * t3i
                y0i[q + 3 * s] = u3r * t3i + u3i * t3r
                y0[q + 4 * s] = u4r * t4r - u4i * t4i
                y0i[q + 4 * s] = u4r * t4i + u4i * t4r
            }
        }
    }

    private static func radixGeneric(
        _ r: Int, _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        var rootR = [Double](repeating: 0, count: r)
        var rootI = [Double](repeating: 0, count: r)
        for k in 0..<r {
            rootR[k] = cos(-2 * Double.pi * Double(k) / Double(r))
            rootI[k] = sin(-2 * Double.pi * Double(k) / Double(r))
        }
        var ar = [Double](repeating: 0, count: r)
        var ai = [Double](repeating: 0, count: r)
        for p in 0..<m {
            for q in 0..<s {
                for t in 0..<r {
                    ar[t] = xr[q + s * (p + t * m)]
                    ai[t] = xi[q + s * (p + t * m)]
                }
                for u in 0..<r {
                    var sr = 0.0, si = 0.0
                    for t in 0..<r {
                        let k = (t * u) % r
                        sr += ar[t] * rootR[k] - ai[t] * rootI[k]
                        si += ar[t] * rootI[k] + ai[t] * rootR[k]
                    }
                    let target = q + s * (r * p + u)
                    if u == 0 {
                        yr[target] = sr
                        yi[target] = si
                    } else {
                        let twr = wr[p * (r - 1) + u - 1], twi = wi[p * (r - 1) + u - 1]
                        yr[target] = sr * twr - si * twi
                        yi[target] = sr * twi + si * twr
                    }
                }
            }
        }
    }
}
