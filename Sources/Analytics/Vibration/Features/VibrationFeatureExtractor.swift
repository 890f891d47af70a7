/// Computes `VibrationFeatures` for acceleration waveforms of one length and sample rate, reusing its FFT plan and
/// window between calls (create one per channel configuration and keep it).
///
/// Velocity RMS (ISO 10816-1 §3, "broad-band r.m.s. velocity"): the de-meaned acceleration is Hann-windowed and
/// transformed, and
///
///     v_rms² = Σ_{k: f_k in band} c_k·|X[k]|² / (N·Σw²) · (s / (2π·f_k))²,   c_k = 2 (1 at DC and Nyquist)
///
/// with s converting to m/s² and the result converted to mm/s. This is the integral of the acceleration PSD divided
/// by (2πf)² (integration in the frequency domain, which avoids the drift of time-domain integration), with the
/// window's noise power gain corrected so a tone of amplitude A at f reads A/(2πf)/√2 exactly. Hann keeps the
/// leakage of strong components outside the band (a 5 Hz unbalance-like swell, a 2 kHz gear mesh) out of it.
public struct VibrationFeatureExtractor: Sendable {
    public let sampleCount: Int
    public let sampleRate: Double
    public let unit: AccelerationUnit
    public let velocityBand: FrequencyBand
    private let plan: RealFFTPlan
    private let window: Window
    /// (s·1000/(2πf_k))²·c_k/(N·Σw²) for the bins in the band, 0 elsewhere.
    private let velocityWeights: [Double]

    /// - Throws: `invalidParameter` (fewer than 2 samples), `invalidSampleRate`, `bandAboveNyquist`,
    ///   `insufficientData` when the band contains no bin (too short a record: the bin spacing is fs/N).
    public init(
        sampleCount: Int, sampleRate: Double, unit: AccelerationUnit = .metresPerSecondSquared,
        velocityBand: FrequencyBand = .iso10816Velocity
    ) throws(AnalyticsError) {
        guard sampleCount >= 2 else {
            throw AnalyticsError(.invalidParameter, "a waveform needs at least 2 samples, not \(sampleCount)")
        }
        try velocityBand.validate(sampleRate: sampleRate)
        self.sampleCount = sampleCount
        self.sampleRate = sampleRate
        self.unit = unit
        self.velocityBand = velocityBand
        plan = try RealFFTPlan(count: sampleCount)
        window = try Window(.hann, count: sampleCount)
        var weights = [Double](repeating: 0, count: plan.binCount)
        let resolution = sampleRate / Double(sampleCount)
        let base = 1 / (Double(sampleCount) * window.sumOfSquares)
        var binsInBand = 0
        for k in 1..<weights.count {
            let f = Double(k) * resolution
            guard velocityBand.contains(f) else { continue }
            let c: Double = sampleCount % 2 == 0 && k == sampleCount / 2 ? 1 : 2
            let toMillimetres = unit.metresPerSecondSquared * 1000 / (2 * Double.pi * f)
            weights[k] = c * base * toMillimetres * toMillimetres
            binsInBand += 1
        }
        guard binsInBand > 0 else {
            throw AnalyticsError(
                .insufficientData,
                "\(sampleCount) samples at \(sampleRate) Hz give bins every \(resolution) Hz, none inside \(velocityBand)")
        }
        velocityWeights = weights
    }

    /// The features of one waveform of `sampleCount` samples in `unit`.
    /// - Throws: `lengthMismatch`, `nonFiniteSample`.
    public func features(of acceleration: [Double]) throws(AnalyticsError) -> VibrationFeatures {
        guard acceleration.count == sampleCount else {
            throw AnalyticsError(
                .lengthMismatch, "this extractor is for \(sampleCount) samples but got \(acceleration.count)")
        }
        try Validation.requireFinite(acceleration, "acceleration")
        let mean = Statistics.mean(acceleration)
        var m2 = 0.0, m3 = 0.0, m4 = 0.0
        var minimum = Double.infinity, maximum = -Double.infinity
        var centred = acceleration
        centred.withUnsafeMutableBufferPointer { x in
            for j in x.indices {
                let d = x[j] - mean
                x[j] = d
                let d2 = d * d
                m2 += d2
                m3 += d2 * d
                m4 += d2 * d2
                minimum = min(minimum, d)
                maximum = max(maximum, d)
            }
        }
        let n = Double(sampleCount)
        m2 /= n
        m3 /= n
        m4 /= n
        let rms = m2.squareRoot()
        let peak = max(abs(minimum), abs(maximum))
        // A constant waveform leaves only the rounding of the mean (~n·ε·|mean|): treat that as no vibration
        // rather than reporting the statistics of rounding noise.
        let hasVariance = rms.isFinite && rms > 1e-9 * abs(mean) && m2 > 0
        window.multiply(&centred)
        let bins = centred.withUnsafeBufferPointer { plan.forwardUnchecked($0) }
        var velocitySquare = 0.0
        for k in velocityWeights.indices where velocityWeights[k] > 0 {
            velocitySquare += velocityWeights[k] * (bins.real[k] * bins.real[k] + bins.imaginary[k] * bins.imaginary[k])
        }
        return VibrationFeatures(
            accelerationUnit: unit,
            accelerationRMS: rms,
            accelerationPeak: peak,
            accelerationPeakToPeak: maximum - minimum,
            crestFactor: hasVariance ? peak / rms : nil,
            kurtosis: hasVariance ? m4 / (m2 * m2) : nil,
            skewness: hasVariance ? m3 / (m2 * rms) : nil,
            velocityRMS: velocitySquare.squareRoot(),
            velocityBand: velocityBand)
    }

    /// One-shot convenience: plans, extracts and discards the plan.
    public static func features(
        of acceleration: [Double], sampleRate: Double, unit: AccelerationUnit = .metresPerSecondSquared,
        velocityBand: FrequencyBand = .iso10816Velocity
    ) throws(AnalyticsError) -> VibrationFeatures {
        try Validation.requireNonEmpty(acceleration, "acceleration")
        let extractor = try VibrationFeatureExtractor(
            sampleCount: acceleration.count, sampleRate: sampleRate, unit: unit, velocityBand: velocityBand)
        return try extractor.features(of: acceleration)
    }
}
