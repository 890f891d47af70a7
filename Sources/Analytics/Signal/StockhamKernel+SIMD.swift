/// The vector width of the FFT stages: four doubles (two SSE2 instructions on baseline x86-64, one on AVX or NEON
/// pairs), measured faster than `SIMD2<Double>` on the build machine (ADR 0021).
typealias Lane = SIMD2<Double>
/// Two lanes side by side: what one interleaved load of real input de-interleaves into a real and an imaginary lane.
typealias LanePair = SIMD4<Double>

@inline(__always)
private func loadLane(_ pointer: UnsafePointer<Double>) -> Lane {
    UnsafeRawPointer(pointer).loadUnaligned(as: Lane.self)
}

@inline(__always)
private func storeLane(_ value: Lane, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lane.self)
}

/// Where the first stage reads its n complex values: split arrays, or interleaved (re, im, …) real input.
protocol StockhamInput {
    /// Values j ..< j + Lane.scalarCount as (real, imaginary).
    func load(_ j: Int) -> (Lane, Lane)
    /// Value j as (real, imaginary).
    func loadOne(_ j: Int) -> (Double, Double)
    /// The split arrays, nil for interleaved input (which only the vectorised first stage reads).
    var split: (real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>)? { get }
}

struct SplitInput: StockhamInput {
    let real: UnsafeMutablePointer<Double>
    let imaginary: UnsafeMutablePointer<Double>

    @inline(__always)
    func load(_ j: Int) -> (Lane, Lane) { (loadLane(real + j), loadLane(imaginary + j)) }

    @inline(__always)
    func loadOne(_ j: Int) -> (Double, Double) { (real[j], imaginary[j]) }

    var split: (real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>)? { (real, imaginary) }
}

/// Real input x read as complex z[j] = x[2j] + i·x[2j+1] (the packing of `RealFFTPlan`), de-interleaved in
/// registers by the first stage instead of a separate pass.
struct InterleavedInput: StockhamInput {
    let base: UnsafePointer<Double>

    @inline(__always)
    func load(_ j: Int) -> (Lane, Lane) {
        let pair = UnsafeRawPointer(base + 2 * j).loadUnaligned(as: LanePair.self)
        return (pair.evenHalf, pair.oddHalf)
    }

    @inline(__always)
    func loadOne(_ j: Int) -> (Double, Double) { (base[2 * j], base[2 * j + 1]) }

    var split: (real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>)? { nil }
}

/// Vectorised Stockham stages. Each reads a_t = x[q + s·(p + t·m)] and writes y[q + s·(r·p + u)] (see
/// `StockhamKernel`); the `vector…` stages take `Lane.scalarCount` consecutive q at once with the twiddles of p
/// broadcast, `firstRadix4` takes consecutive p (s = 1) and transposes on the way out.
extension StockhamKernel {
    /// (a + i·b)·(c + i·d) for vectors times a broadcast scalar twiddle.
    @inline(__always)
    private static func rotate(_ re: Lane, _ im: Lane, _ cr: Double, _ ci: Double) -> (Lane, Lane) {
        (re * cr - im * ci, re * ci + im * cr)
    }

    @inline(__always)
    private static func rotate(_ re: Lane, _ im: Lane, _ cr: Lane, _ ci: Lane) -> (Lane, Lane) {
        (re * cr - im * ci, re * ci + im * cr)
    }

    /// The first stage, s = 1, radix 4: two consecutive p per iteration (y[4p + u] is a 4×2 transpose of the
    /// butterflies' outputs), the last p of an odd m on its own.
    static func firstRadix4<Source: StockhamInput>(
        _ source: Source, _ yr: UnsafeMutablePointer<Double>, _ yi: UnsafeMutablePointer<Double>, m: Int,
        wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        var p = 0
        while p + Lane.scalarCount <= m {
            let (ar, ai) = source.load(p)
            let (br, bi) = source.load(p + m)
            let (cr, ci) = source.load(p + 2 * m)
            let (dr, di) = source.load(p + 3 * m)
            let apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci
            let bpdR = br + dr, bpdI = bi + di
            let jR = bi - di, jI = dr - br  // −i·(b − d)
            let u0r = apcR + bpdR, u0i = apcI + bpdI
            let (u1r, u1i) = rotate(amcR + jR, amcI + jI, loadLane(wr + p), loadLane(wi + p))
            let (u2r, u2i) = rotate(apcR - bpdR, apcI - bpdI, loadLane(wr + m + p), loadLane(wi + m + p))
            let (u3r, u3i) = rotate(amcR - jR, amcI - jI, loadLane(wr + 2 * m + p), loadLane(wi + 2 * m + p))
            let outR = yr + 4 * p, outI = yi + 4 * p
            // y[4(p + l) + u] for l < 2: a 4×2 transpose, as pairs (u0, u1), (u2, u3) of each lane l.
            storeLane(Lane(u0r[0], u1r[0]), outR)
            storeLane(Lane(u2r[0], u3r[0]), outR + 2)
            storeLane(Lane(u0r[1], u1r[1]), outR + 4)
            storeLane(Lane(u2r[1], u3r[1]), outR + 6)
            storeLane(Lane(u0i[0], u1i[0]), outI)
            storeLane(Lane(u2i[0], u3i[0]), outI + 2)
            storeLane(Lane(u0i[1], u1i[1]), outI + 4)
            storeLane(Lane(u2i[1], u3i[1]), outI + 6)
            p += Lane.scalarCount
        }
        while p < m {
            let (ar, ai) = source.loadOne(p)
            let (br, bi) = source.loadOne(p + m)
            let (cr, ci) = source.loadOne(p + 2 * m)
            let (dr, di) = source.loadOne(p + 3 * m)
            let apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci
            let bpdR = br + dr, bpdI = bi + di
            let jR = bi - di, jI = dr - br
            yr[4 * p] = apcR + bpdR
            yi[4 * p] = apcI + bpdI
            var (vr, vi) = (amcR + jR, amcI + jI)
            yr[4 * p + 1] = vr * wr[p] - vi * wi[p]
            yi[4 * p + 1] = vr * wi[p] + vi * wr[p]
            (vr, vi) = (apcR - bpdR, apcI - bpdI)
            yr[4 * p + 2] = vr * wr[m + p] - vi * wi[m + p]
            yi[4 * p + 2] = vr * wi[m + p] + vi * wr[m + p]
            (vr, vi) = (amcR - jR, amcI - jI)
            yr[4 * p + 3] = vr * wr[2 * m + p] - vi * wi[2 * m + p]
            yi[4 * p + 3] = vr * wi[2 * m + p] + vi * wr[2 * m + p]
            p += 1
        }
    }

    static func vectorRadix2(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        for p in 0..<m {
            let w1r = wr[p], w1i = wi[p]
            let a = xr + s * p, ai = xi + s * p, b = a + s * m, bi = ai + s * m
            let y0 = yr + 2 * s * p, y0i = yi + 2 * s * p, y1 = y0 + s, y1i = y0i + s
            var q = 0
            while q < s {
                let xr0 = loadLane(a + q), xi0 = loadLane(ai + q), xr1 = loadLane(b + q), xi1 = loadLane(bi + q)
                storeLane(xr0 + xr1, y0 + q)
                storeLane(xi0 + xi1, y0i + q)
                let (tr, ti) = rotate(xr0 - xr1, xi0 - xi1, w1r, w1i)
                storeLane(tr, y1 + q)
                storeLane(ti, y1i + q)
                q += Lane.scalarCount
            }
        }
    }

    static func vectorRadix4(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        // p = 0 has unit twiddles (and is the whole last stage, where m = 1): no multiplications there.
        radix4Column(xr, xi, yr, yi, s: s, sm: s * m, wr: wr, wi: wi, unit: true)
        for p in 1..<max(m, 1) {
            radix4Column(
                xr + s * p, xi + s * p, yr + 4 * s * p, yi + 4 * s * p, s: s, sm: s * m, wr: wr + 3 * p, wi: wi + 3 * p,
                unit: false)
        }
    }

    /// The butterflies of one p: inputs at x0 + t·sm + q, outputs at y0 + u·s + q, twiddles w[0…2].
    @inline(__always)
    private static func radix4Column(
        _ x0: UnsafeMutablePointer<Double>, _ x0i: UnsafeMutablePointer<Double>, _ y0: UnsafeMutablePointer<Double>,
        _ y0i: UnsafeMutablePointer<Double>, s: Int, sm: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>,
        unit: Bool
    ) {
        let w1r = wr[0], w1i = wi[0], w2r = wr[1], w2i = wi[1], w3r = wr[2], w3i = wi[2]
        var q = 0
        while q < s {
            let ar = loadLane(x0 + q), ai = loadLane(x0i + q)
            let br = loadLane(x0 + sm + q), bi = loadLane(x0i + sm + q)
            let cr = loadLane(x0 + 2 * sm + q), ci = loadLane(x0i + 2 * sm + q)
            let dr = loadLane(x0 + 3 * sm + q), di = loadLane(x0i + 3 * sm + q)
            let apcR = ar + cr, apcI = ai + ci, amcR = ar - cr, amcI = ai - ci
            let bpdR = br + dr, bpdI = bi + di
            let jR = bi - di, jI = dr - br  // −i·(b − d)
            storeLane(apcR + bpdR, y0 + q)
            storeLane(apcI + bpdI, y0i + q)
            var (vr, vi) = (amcR + jR, amcI + jI)
            if !unit { (vr, vi) = rotate(vr, vi, w1r, w1i) }
            storeLane(vr, y0 + s + q)
            storeLane(vi, y0i + s + q)
            (vr, vi) = (apcR - bpdR, apcI - bpdI)
            if !unit { (vr, vi) = rotate(vr, vi, w2r, w2i) }
            storeLane(vr, y0 + 2 * s + q)
            storeLane(vi, y0i + 2 * s + q)
            (vr, vi) = (amcR - jR, amcI - jI)
            if !unit { (vr, vi) = rotate(vr, vi, w3r, w3i) }
            storeLane(vr, y0 + 3 * s + q)
            storeLane(vi, y0i + 3 * s + q)
            q += Lane.scalarCount
        }
    }

    /// Radix 8 as two radix-4 DFTs of the even and odd inputs joined with e^{−2πi·u/8}: three binary levels per
    /// pass over memory.
    static func vectorRadix8(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        radix8Column(xr, xi, yr, yi, s: s, sm: s * m, wr: wr, wi: wi, unit: true)
        for p in 1..<max(m, 1) {
            radix8Column(
                xr + s * p, xi + s * p, yr + 8 * s * p, yi + 8 * s * p, s: s, sm: s * m, wr: wr + 7 * p, wi: wi + 7 * p,
                unit: false)
        }
    }

    @inline(__always)
    private static func radix8Column(
        _ x0: UnsafeMutablePointer<Double>, _ x0i: UnsafeMutablePointer<Double>, _ y0: UnsafeMutablePointer<Double>,
        _ y0i: UnsafeMutablePointer<Double>, s: Int, sm: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>,
        unit: Bool
    ) {
        let h = 0.707_106_781_186_547_6  // √½
        var q = 0
        while q < s {
            // Even inputs a0, a2, a4, a6 → E0…E3.
            let a0r = loadLane(x0 + q), a0i = loadLane(x0i + q)
            let a2r = loadLane(x0 + 2 * sm + q), a2i = loadLane(x0i + 2 * sm + q)
            let a4r = loadLane(x0 + 4 * sm + q), a4i = loadLane(x0i + 4 * sm + q)
            let a6r = loadLane(x0 + 6 * sm + q), a6i = loadLane(x0i + 6 * sm + q)
            let s04r = a0r + a4r, s04i = a0i + a4i, d04r = a0r - a4r, d04i = a0i - a4i
            let s26r = a2r + a6r, s26i = a2i + a6i, d26r = a2r - a6r, d26i = a2i - a6i
            let e0r = s04r + s26r, e0i = s04i + s26i
            let e2r = s04r - s26r, e2i = s04i - s26i
            let e1r = d04r + d26i, e1i = d04i - d26r  // d04 − i·d26
            let e3r = d04r - d26i, e3i = d04i + d26r  // d04 + i·d26
            // Odd inputs a1, a3, a5, a7 → O0…O3.
            let a1r = loadLane(x0 + sm + q), a1i = loadLane(x0i + sm + q)
            let a3r = loadLane(x0 + 3 * sm + q), a3i = loadLane(x0i + 3 * sm + q)
            let a5r = loadLane(x0 + 5 * sm + q), a5i = loadLane(x0i + 5 * sm + q)
            let a7r = loadLane(x0 + 7 * sm + q), a7i = loadLane(x0i + 7 * sm + q)
            let s15r = a1r + a5r, s15i = a1i + a5i, d15r = a1r - a5r, d15i = a1i - a5i
            let s37r = a3r + a7r, s37i = a3i + a7i, d37r = a3r - a7r, d37i = a3i - a7i
            let o0r = s15r + s37r, o0i = s15i + s37i
            let o2r = s15r - s37r, o2i = s15i - s37i
            let o1r = d15r + d37i, o1i = d15i - d37r
            let o3r = d15r - d37i, o3i = d15i + d37r
            // W8^1·O1 = ((x + y) + i·(y − x))·√½; W8^2·O2 = −i·O2; W8^3·O3 = ((y − x) − i·(x + y))·√½.
            let t1r = (o1r + o1i) * h, t1i = (o1i - o1r) * h
            let t2r = o2i, t2i = -o2r
            let t3r = (o3i - o3r) * h, t3i = -(o3r + o3i) * h
            storeLane(e0r + o0r, y0 + q)
            storeLane(e0i + o0i, y0i + q)
            var (vr, vi) = (e1r + t1r, e1i + t1i)
            if !unit { (vr, vi) = rotate(vr, vi, wr[0], wi[0]) }
            storeLane(vr, y0 + s + q)
            storeLane(vi, y0i + s + q)
            (vr, vi) = (e2r + t2r, e2i + t2i)
            if !unit { (vr, vi) = rotate(vr, vi, wr[1], wi[1]) }
            storeLane(vr, y0 + 2 * s + q)
            storeLane(vi, y0i + 2 * s + q)
            (vr, vi) = (e3r + t3r, e3i + t3i)
            if !unit { (vr, vi) = rotate(vr, vi, wr[2], wi[2]) }
            storeLane(vr, y0 + 3 * s + q)
            storeLane(vi, y0i + 3 * s + q)
            (vr, vi) = (e0r - o0r, e0i - o0i)
            if !unit { (vr, vi) = rotate(vr, vi, wr[3], wi[3]) }
            storeLane(vr, y0 + 4 * s + q)
            storeLane(vi, y0i + 4 * s + q)
            (vr, vi) = (e1r - t1r, e1i - t1i)
            if !unit { (vr, vi) = rotate(vr, vi, wr[4], wi[4]) }
            storeLane(vr, y0 + 5 * s + q)
            storeLane(vi, y0i + 5 * s + q)
            (vr, vi) = (e2r - t2r, e2i - t2i)
            if !unit { (vr, vi) = rotate(vr, vi, wr[5], wi[5]) }
            storeLane(vr, y0 + 6 * s + q)
            storeLane(vi, y0i + 6 * s + q)
            (vr, vi) = (e3r - t3r, e3i - t3i)
            if !unit { (vr, vi) = rotate(vr, vi, wr[6], wi[6]) }
            storeLane(vr, y0 + 7 * s + q)
            storeLane(vi, y0i + 7 * s + q)
            q += Lane.scalarCount
        }
    }

    static func vectorRadix3(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        let c = -0.5, d = -0.866_025_403_784_438_6  // cos(2π/3), −sin(2π/3)
        let sm = s * m
        for p in 0..<m {
            let w1r = wr[2 * p], w1i = wi[2 * p], w2r = wr[2 * p + 1], w2i = wi[2 * p + 1]
            let x0 = xr + s * p, x0i = xi + s * p
            let y0 = yr + 3 * s * p, y0i = yi + 3 * s * p
            var q = 0
            while q < s {
                let ar = loadLane(x0 + q), ai = loadLane(x0i + q)
                let br = loadLane(x0 + sm + q), bi = loadLane(x0i + sm + q)
                let cr = loadLane(x0 + 2 * sm + q), ci = loadLane(x0i + 2 * sm + q)
                let sr = br + cr, si = bi + ci, dr = br - cr, di = bi - ci
                storeLane(ar + sr, y0 + q)
                storeLane(ai + si, y0i + q)
                let mr = ar + c * sr, mi = ai + c * si
                let tr = -d * di, ti = d * dr
                let (u1r, u1i) = rotate(mr + tr, mi + ti, w1r, w1i)
                storeLane(u1r, y0 + s + q)
                storeLane(u1i, y0i + s + q)
                let (u2r, u2i) = rotate(mr - tr, mi - ti, w2r, w2i)
                storeLane(u2r, y0 + 2 * s + q)
                storeLane(u2i, y0i + 2 * s + q)
                q += Lane.scalarCount
            }
        }
    }

    static func vectorRadix5(
        _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>, _ yr: UnsafeMutablePointer<Double>,
        _ yi: UnsafeMutablePointer<Double>, m: Int, s: Int, wr: UnsafePointer<Double>, wi: UnsafePointer<Double>
    ) {
        // cos and sin of 2π/5 and 4π/5.
        let c1 = 0.309_016_994_374_947_45, c2 = -0.809_016_994_374_947_5
        let s1 = 0.951_056_516_295_153_5, s2 = 0.587_785_252_292_473_2
        let sm = s * m
        for p in 0..<m {
            let w = 4 * p
            let t1r = wr[w], t1i = wi[w], t2r = wr[w + 1], t2i = wi[w + 1]
            let t3r = wr[w + 2], t3i = wi[w + 2], t4r = wr[w + 3], t4i = wi[w + 3]
            let x0 = xr + s * p, x0i = xi + s * p
            let y0 = yr + 5 * s * p, y0i = yi + 5 * s * p
            var q = 0
            while q < s {
                let ar = loadLane(x0 + q), ai = loadLane(x0i + q)
                let x1r = loadLane(x0 + sm + q), x1i = loadLane(x0i + sm + q)
                let x2r = loadLane(x0 + 2 * sm + q), x2i = loadLane(x0i + 2 * sm + q)
                let x3r = loadLane(x0 + 3 * sm + q), x3i = loadLane(x0i + 3 * sm + q)
                let x4r = loadLane(x0 + 4 * sm + q), x4i = loadLane(x0i + 4 * sm + q)
                let b1r = x1r + x4r, b1i = x1i + x4i, d1r = x1r - x4r, d1i = x1i - x4i
                let b2r = x2r + x3r, b2i = x2i + x3i, d2r = x2r - x3r, d2i = x2i - x3i
                storeLane(ar + b1r + b2r, y0 + q)
                storeLane(ai + b1i + b2i, y0i + q)
                let m1r = ar + c1 * b1r + c2 * b2r, m1i = ai + c1 * b1i + c2 * b2i
                let m2r = ar + c2 * b1r + c1 * b2r, m2i = ai + c2 * b1i + c1 * b2i
                // X1 = m1 − i·(s1·d1 + s2·d2), X4 = m1 + i·(…); X2 = m2 − i·(s2·d1 − s1·d2), X3 = m2 + i·(…).
                let n1r = s1 * d1r + s2 * d2r, n1i = s1 * d1i + s2 * d2i
                let n2r = s2 * d1r - s1 * d2r, n2i = s2 * d1i - s1 * d2i
                var (vr, vi) = rotate(m1r + n1i, m1i - n1r, t1r, t1i)
                storeLane(vr, y0 + s + q)
                storeLane(vi, y0i + s + q)
                (vr, vi) = rotate(m2r + n2i, m2i - n2r, t2r, t2i)
                storeLane(vr, y0 + 2 * s + q)
                storeLane(vi, y0i + 2 * s + q)
                (vr, vi) = rotate(m2r - n2i, m2i + n2r, t3r, t3i)
                storeLane(vr, y0 + 3 * s + q)
                storeLane(vi, y0i + 3 * s + q)
                (vr, vi) = rotate(m1r - n1i, m1i + n1r, t4r, t4i)
                storeLane(vr, y0 + 4 * s + q)
                storeLane(vi, y0i + 4 * s + q)
                q += Lane.scalarCount
            }
        }
    }
}
