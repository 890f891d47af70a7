#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The scalar Stockham stages: any stride s, any radix. They run the stages the SIMD stages cannot take (a stride
/// that is not a multiple of the vector width, radices 7, 11 and 13) and are the reference the SIMD stages are
/// tested against.
extension StockhamKernel {
    // Each butterfly below reads a_t = x[q + s·(p + t·m)] and writes y[q + s·(r·p + u)].

    static func radix2(
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

    static func radix4(
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

    static func radix3(
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

    static func radix5(
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

    static func radixGeneric(
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
