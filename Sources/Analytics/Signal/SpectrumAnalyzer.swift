/// Amplitude and envelope spectra for signals of one length and sample rate, with the FFT plans and window
/// computed once. Use it for a channel that delivers fixed-size blocks; the one-shot initialisers of
/// `AmplitudeSpectrum` and `EnvelopeAnalysis` give the same results but plan on every call, which for a
/// non-power-of-two length can cost more than the transform itself.
public struct SpectrumAnalyzer: Sendable {
    public let sampleCount: Int
    public let sampleRate: Double
    public let window: Window
    private let realPlan: RealFFTPlan
    private let complexPlan: FFTPlan

    /// - Throws: `invalidParameter` (fewer than 2 samples), `invalidSampleRate`.
    public init(sampleCount: Int, sampleRate: Double, window: WindowKind = .hann) throws(AnalyticsError) {
        guard sampleCount >= 2 else {
            throw AnalyticsError(.invalidParameter, "a spectrum needs at least 2 samples, not \(sampleCount)")
        }
        try Validation.requireSampleRate(sampleRate)
        self.sampleCount = sampleCount
        self.sampleRate = sampleRate
        self.window = try Window(window, count: sampleCount)
        realPlan = try RealFFTPlan(count: sampleCount)
        complexPlan = try FFTPlan(count: sampleCount)
    }

    /// See `AmplitudeSpectrum.init(signal:sampleRate:window:scaling:removeMean:)`.
    /// - Throws: `lengthMismatch`, `nonFiniteSample`.
    public func amplitudeSpectrum(
        of signal: [Double], scaling: AmplitudeScaling = .peak, removeMean: Bool = false
    ) throws(AnalyticsError) -> AmplitudeSpectrum {
        try check(signal)
        var input = signal
        if removeMean { Statistics.subtractMean(&input) }
        window.multiply(&input)
        let bins = input.withUnsafeBufferPointer { realPlan.forwardUnchecked($0) }
        return AmplitudeSpectrum(bins: bins, sampleRate: sampleRate, window: window, scaling: scaling)
    }

    /// See `EnvelopeAnalysis.init(signal:sampleRate:band:window:scaling:)`; the envelope spectrum uses this
    /// analyzer's window.
    /// - Throws: `lengthMismatch`, `nonFiniteSample`, `bandAboveNyquist`.
    public func envelopeAnalysis(
        of signal: [Double], band: FrequencyBand, scaling: AmplitudeScaling = .peak
    ) throws(AnalyticsError) -> EnvelopeAnalysis {
        try check(signal)
        try band.validate(sampleRate: sampleRate)
        return try EnvelopeAnalysis(
            validatedSignal: signal, sampleRate: sampleRate, band: band, window: window, scaling: scaling,
            realPlan: realPlan, complexPlan: complexPlan)
    }

    private func check(_ signal: [Double]) throws(AnalyticsError) {
        guard signal.count == sampleCount else {
            throw AnalyticsError(
                .lengthMismatch, "this analyzer is for \(sampleCount) samples but got \(signal.count)")
        }
        try Validation.requireFinite(signal, "signal")
    }
}
