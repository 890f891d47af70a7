/// Everything the vibration diagnosers read from one block of casing acceleration: the acceleration spectrum
/// (radial, and axial when measured), the envelope spectrum, the overall features and the energy in two
/// high-frequency bands.
///
/// Computing it once per block and handing it to every diagnoser keeps the FFTs shared; it is a value, so a
/// baseline can keep the measurements it was learned from.
public struct VibrationMeasurement: Hashable, Sendable {
    public let sampleRate: Double
    public let unit: AccelerationUnit
    /// Radial acceleration, Hann window, peak scaling, mean removed.
    public let spectrum: AmplitudeSpectrum
    /// Axial acceleration spectrum, when an axial channel was measured.
    public let axialSpectrum: AmplitudeSpectrum?
    /// Envelope spectrum of the radial channel after band-pass in `envelopeBand` (McFadden & Smith 1984).
    public let envelope: AmplitudeSpectrum
    public let envelopeBand: FrequencyBand
    /// Overall values of the radial channel (velocity RMS in 10–1000 Hz, kurtosis, crest factor).
    public let features: VibrationFeatures
    /// Overall velocity of the axial channel, mm/s RMS, when measured.
    public let axialVelocityRMS: Double?
    /// Acceleration RMS in `highBand`, where metal-to-metal contact of a starved bearing shows (ISO 13373-2 §5.4).
    public let highBandRMS: Double
    /// Acceleration RMS in `midBand`, where cavitation noise of pumps shows.
    public let midBandRMS: Double
    public let highBand: FrequencyBand
    public let midBand: FrequencyBand

    /// - Parameters:
    ///   - radial: radial acceleration, in `unit`.
    ///   - axial: axial acceleration of the same length, if measured.
    ///   - envelopeBand: the demodulation band around the housing resonance (default 2–6 kHz).
    ///   - highBand: the lubrication band (default 9–12 kHz, clipped to 0.47·fs).
    ///   - midBand: the cavitation band (default 5.5–8 kHz, clipped to 0.47·fs).
    /// - Throws: `emptyInput`, `nonFiniteSample`, `invalidSampleRate`, `lengthMismatch`, `bandAboveNyquist`,
    ///   `insufficientData` (fewer than 1024 samples, or no bin in 10–1000 Hz).
    public init(
        radial: [Double], axial: [Double]? = nil, sampleRate: Double, unit: AccelerationUnit = .standardGravity,
        envelopeBand: FrequencyBand? = nil, highBand: FrequencyBand? = nil, midBand: FrequencyBand? = nil
    ) throws(AnalyticsError) {
        try Validation.requireSignal(radial, "radial")
        try Validation.requireSampleRate(sampleRate)
        guard radial.count >= 1024 else {
            throw AnalyticsError(
                .insufficientData, "a vibration measurement needs at least 1024 samples, not \(radial.count)")
        }
        if let axial {
            guard axial.count == radial.count else {
                throw AnalyticsError(
                    .lengthMismatch, "axial has \(axial.count) samples but radial has \(radial.count)")
            }
            try Validation.requireFinite(axial, "axial")
        }
        let nyquist = sampleRate / 2
        func clipped(_ lower: Double, _ upper: Double) throws(AnalyticsError) -> FrequencyBand {
            let top = min(upper, 0.47 * sampleRate)
            return try FrequencyBand(lower: min(lower, 0.8 * top), upper: top)
        }
        var bands: [FrequencyBand] = []
        for (given, lower, upper) in [(envelopeBand, 2_000.0, 6_000.0), (highBand, 9_000, 12_000), (midBand, 5_500, 8_000)] {
            if let given { bands.append(given) } else { bands.append(try clipped(lower, upper)) }
        }
        let (chosenEnvelope, chosenHigh, chosenMid) = (bands[0], bands[1], bands[2])
        for band in bands where band.upper > nyquist {
            throw AnalyticsError(.bandAboveNyquist, "the band \(band) is above the Nyquist frequency \(nyquist) Hz")
        }
        let analyzer = try SpectrumAnalyzer(sampleCount: radial.count, sampleRate: sampleRate)
        let extractor = try VibrationFeatureExtractor(sampleCount: radial.count, sampleRate: sampleRate, unit: unit)
        self.sampleRate = sampleRate
        self.unit = unit
        spectrum = try analyzer.amplitudeSpectrum(of: radial, removeMean: true)
        envelope = try analyzer.envelopeAnalysis(of: radial, band: chosenEnvelope).spectrum
        features = try extractor.features(of: radial)
        if let axial {
            axialSpectrum = try analyzer.amplitudeSpectrum(of: axial, removeMean: true)
            axialVelocityRMS = try extractor.features(of: axial).velocityRMS
        } else {
            axialSpectrum = nil
            axialVelocityRMS = nil
        }
        let psd = try PowerSpectralDensity(signal: radial, sampleRate: sampleRate, segmentLength: 1024)
        highBandRMS = psd.meanSquare(in: chosenHigh).squareRoot()
        midBandRMS = psd.meanSquare(in: chosenMid).squareRoot()
        self.envelopeBand = chosenEnvelope
        self.highBand = chosenHigh
        self.midBand = chosenMid
    }

    /// The radial (or axial) vibration velocity at a multiple of running speed, mm/s RMS, read from the
    /// acceleration spectrum: v = a_peak·s·1000 / (2πf·√2), with s converting the unit to m/s².
    /// The amplitude is the largest local maximum within ±1 % (at least ±1.5 bins) of the order, or the nearest
    /// bin when there is none. Returns nil for an axial reading without an axial channel or a frequency beyond
    /// the spectrum.
    public func velocity(atOrder order: Double, shaftFrequency: Double, axial: Bool = false) -> (frequency: Double, velocity: Double)? {
        guard let spectrum = axial ? axialSpectrum : spectrum else { return nil }
        let frequency = order * shaftFrequency
        guard frequency.isFinite, frequency > 0, frequency < spectrum.maximumFrequency else { return nil }
        let line = SpectrumReading.line(in: spectrum, near: frequency, relativeTolerance: 0.01)
        let scale = unit.metresPerSecondSquared * 1000 / (2 * Double.pi * line.frequency * 2.0.squareRoot())
        return (line.frequency, line.amplitude * scale)
    }
}
