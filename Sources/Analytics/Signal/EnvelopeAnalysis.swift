/// Envelope (demodulation) analysis: band-pass around a structural resonance, take the Hilbert envelope, and
/// transform the envelope (McFadden & Smith, "Vibration monitoring of rolling element bearings by the
/// high-frequency resonance technique — a review", Tribology International 17(1), 1984).
///
/// A bearing defect strikes the race once per ball pass; each strike rings the housing at kHz. The band-pass keeps
/// the ringing, the envelope turns the train of bursts into a signal that repeats at the defect frequency, and the
/// envelope spectrum shows BPFO, BPFI, BSF or FTF and their harmonics, where the raw spectrum hides them under
/// shaft harmonics. The band-pass is FFT-domain (see `BandPassFilter`) and fused with the Hilbert transform: one
/// forward and one inverse FFT in total. The envelope's mean is removed before its spectrum is taken, so the DC
/// bin does not leak over the low defect frequencies.
public struct EnvelopeAnalysis: Hashable, Sendable {
    public let band: FrequencyBand
    public let sampleRate: Double
    /// |analytic signal| of the band-passed input, one value per input sample, in the unit of the input.
    public let envelope: [Double]
    /// The amplitude spectrum of the de-meaned envelope.
    public let spectrum: AmplitudeSpectrum

    /// - Parameters:
    ///   - band: the demodulation band, typically around a resonance between 500 Hz and 10 kHz.
    ///   - window: the window of the envelope spectrum (Hann by default).
    /// - Throws: `emptyInput`, `nonFiniteSample`, `invalidSampleRate`, `bandAboveNyquist`.
    public init(
        signal: [Double], sampleRate: Double, band: FrequencyBand, window: WindowKind = .hann,
        scaling: AmplitudeScaling = .peak
    ) throws(AnalyticsError) {
        try Validation.requireSignal(signal)
        try band.validate(sampleRate: sampleRate)
        let envelope = try HilbertTransform.analyticSignal(
            of: signal, keeping: (band, sampleRate / Double(signal.count))
        ).magnitudes
        self.band = band
        self.sampleRate = sampleRate
        self.envelope = envelope
        self.spectrum = try AmplitudeSpectrum(
            signal: envelope, sampleRate: sampleRate, window: window, scaling: scaling, removeMean: true)
    }

    /// The analysis with precomputed plans (see `SpectrumAnalyzer`); input already validated.
    init(
        validatedSignal signal: [Double], sampleRate: Double, band: FrequencyBand, window: Window,
        scaling: AmplitudeScaling, realPlan: RealFFTPlan, complexPlan: FFTPlan
    ) throws(AnalyticsError) {
        var envelope = try HilbertTransform.analyticSignal(
            of: signal, keeping: (band, sampleRate / Double(signal.count)), realPlan: realPlan,
            complexPlan: complexPlan
        ).magnitudes
        self.band = band
        self.sampleRate = sampleRate
        self.envelope = envelope
        Statistics.subtractMean(&envelope)
        window.multiply(&envelope)
        self.spectrum = AmplitudeSpectrum(
            bins: try realPlan.forward(envelope), sampleRate: sampleRate, window: window, scaling: scaling)
    }
}
