/// The analytic signal and envelope of a real signal via the FFT (Marple, "Computing the discrete-time analytic
/// signal via FFT", IEEE Trans. Signal Process. 47(9), 1999).
///
/// z = x + i·H{x} is formed by keeping DC (and Nyquist, for even N) once, doubling the positive frequencies and
/// zeroing the negative ones, then inverting. The envelope is |z|: for x = a(t)·cos(2πf_c·t) with a(t) slower than
/// f_c it recovers a(t), which is how bearing impacts that ring a structural resonance are demodulated.
public enum HilbertTransform {
    /// x + i·H{x}. - Throws: `emptyInput`, `nonFiniteSample`.
    public static func analyticSignal(of signal: [Double]) throws(AnalyticsError) -> ComplexSignal {
        try Validation.requireSignal(signal)
        return try analyticSignal(of: signal, keeping: nil)
    }

    /// |x + i·H{x}|. - Throws: `emptyInput`, `nonFiniteSample`.
    public static func envelope(of signal: [Double]) throws(AnalyticsError) -> [Double] {
        try analyticSignal(of: signal).magnitudes
    }

    /// The analytic signal of the part of `signal` inside `band` (bins f_k with band.contains(f_k)), as one
    /// forward real FFT and one inverse complex FFT. `band` nil keeps everything. Input must be validated.
    static func analyticSignal(
        of signal: [Double], keeping band: (band: FrequencyBand, resolution: Double)?,
        realPlan: RealFFTPlan? = nil, complexPlan: FFTPlan? = nil
    ) throws(AnalyticsError) -> ComplexSignal {
        let n = signal.count
        let forwardPlan: RealFFTPlan
        if let realPlan { forwardPlan = realPlan } else { forwardPlan = try RealFFTPlan(count: n) }
        let bins = try forwardPlan.forward(signal)
        var re = [Double](repeating: 0, count: n)
        var im = [Double](repeating: 0, count: n)
        for k in 0..<bins.count {
            if let band, !band.band.contains(Double(k) * band.resolution) { continue }
            let isSingle = k == 0 || (n % 2 == 0 && k == n / 2)
            let factor: Double = isSingle ? 1 : 2
            re[k] = bins.real[k] * factor
            im[k] = bins.imaginary[k] * factor
        }
        let inversePlan: FFTPlan
        if let complexPlan { inversePlan = complexPlan } else { inversePlan = try FFTPlan(count: n) }
        try inversePlan.inverse(real: &re, imaginary: &im)
        return ComplexSignal(uncheckedReal: re, imaginary: im)
    }
}
