/// A waveform resampled at equal shaft-angle increments (computed order tracking), so that components locked to
/// the shaft stay in one spectral line while the speed changes.
///
/// Method (Fyfe & Munck, "Analysis of computed order tracking", Mechanical Systems and Signal Processing 11(2),
/// 1997): the shaft angle φ(t) is built at every sample time from the speed (`ShaftSpeed`), the time at which
/// φ = k/R (R samples per revolution) is found by linear interpolation of φ between the two neighbouring samples,
/// and the waveform is read there by cubic (Catmull–Rom) interpolation. Only whole revolutions are kept, so the
/// order spectrum's lines fall on bins and a rectangular window is leakage-free for shaft-locked components.
///
/// Anti-aliasing is the caller's concern: resampling cannot recover orders above R/2 at the lowest speed, so
/// choose R ≥ 2 × (highest order of interest) and low-pass the waveform below R/2 × (minimum speed) first when
/// the record holds energy above that.
public struct AngleDomainSignal: Hashable, Sendable {
    /// The waveform at angles 0, 1/R, 2/R, … revolutions.
    public let samples: [Double]
    /// R, samples per revolution.
    public let samplesPerRevolution: Int

    /// Whole revolutions covered, samples.count / R.
    public var revolutions: Int { samples.count / samplesPerRevolution }

    /// - Parameters:
    ///   - samplesPerRevolution: R; the order spectrum reaches order R/2 with resolution 1/revolutions.
    /// - Throws: `emptyInput`, `nonFiniteSample`, `invalidSampleRate`, `invalidParameter` (R < 4, bad speed),
    ///   `lengthMismatch` (speed profile), `insufficientData` when the record covers less than one revolution.
    public init(
        resampling signal: [Double], sampleRate: Double, speed: ShaftSpeed, samplesPerRevolution: Int = 64
    ) throws(AnalyticsError) {
        try Validation.requireSignal(signal)
        try Validation.requireSampleRate(sampleRate)
        guard samplesPerRevolution >= 4, samplesPerRevolution <= 1 << 16 else {
            throw AnalyticsError(
                .invalidParameter, "samplesPerRevolution is \(samplesPerRevolution); it must be between 4 and 65536")
        }
        let angles = try speed.angles(sampleCount: signal.count, sampleRate: sampleRate)
        let totalRevolutions = angles.last ?? 0
        guard totalRevolutions >= 1, totalRevolutions.isFinite else {
            throw AnalyticsError(
                .insufficientData,
                "the record covers \(totalRevolutions) revolutions; order tracking needs at least one whole revolution")
        }
        // Checked in floating point before any conversion to Int, so an absurd speed cannot overflow or exhaust memory.
        let wholeRevolutions = totalRevolutions.rounded(.down)
        guard wholeRevolutions * Double(samplesPerRevolution) <= Double(FFTPlan.maximumCount) else {
            throw AnalyticsError(
                .invalidParameter,
                "the record covers \(totalRevolutions) revolutions; at \(samplesPerRevolution) samples per revolution "
                    + "that exceeds \(FFTPlan.maximumCount) samples: check the speed's unit (Hz, not rpm?)")
        }
        let outputCount = Int(wholeRevolutions) * samplesPerRevolution
        var output = [Double](repeating: 0, count: outputCount)
        let step = 1 / Double(samplesPerRevolution)
        signal.withUnsafeBufferPointer { x in
            angles.withUnsafeBufferPointer { phi in
                var i = 0
                let last = x.count - 1
                for k in 0..<outputCount {
                    let theta = Double(k) * step
                    while i + 1 < last && phi[i + 1] <= theta { i += 1 }
                    let span = phi[i + 1] - phi[i]
                    let u = span > 0 ? min(max((theta - phi[i]) / span, 0), 1) : 0
                    // Catmull–Rom through x[i−1], x[i], x[i+1], x[i+2] (ends repeated).
                    let p0 = x[max(i - 1, 0)], p1 = x[i], p2 = x[i + 1], p3 = x[min(i + 2, last)]
                    let a = -0.5 * p0 + 1.5 * p1 - 1.5 * p2 + 0.5 * p3
                    let b = p0 - 2.5 * p1 + 2 * p2 - 0.5 * p3
                    let c = -0.5 * p0 + 0.5 * p2
                    output[k] = ((a * u + b) * u + c) * u + p1
                }
            }
        }
        self.samples = output
        self.samplesPerRevolution = samplesPerRevolution
    }

    /// The amplitude spectrum over orders: bin k is order k/revolutions, up to order R/2.
    /// - Throws: never for a successfully built signal; typed for uniformity.
    public func orderSpectrum(
        window: WindowKind = .rectangular, scaling: AmplitudeScaling = .peak
    ) throws(AnalyticsError) -> AmplitudeSpectrum {
        try AmplitudeSpectrum(
            signal: samples, sampleRate: Double(samplesPerRevolution), window: window, scaling: scaling,
            removeMean: true)
    }
}
