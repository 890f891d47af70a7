/// A zero-phase band-pass filter applied in the frequency domain: transform, zero every bin outside the band,
/// transform back.
///
/// Chosen over an IIR biquad for envelope analysis because it has no phase distortion and no settling transient,
/// its edges are exact to one bin (fs/N), and it costs two FFTs that the Hilbert transform needs anyway
/// (`EnvelopeAnalysis` fuses the two). The price: the filter is circular (the record is treated as periodic, so
/// the first and last few milliseconds mix), and the brick-wall edges ring (Gibbs). For the usual 0.5–10 kHz
/// demodulation bands over records of ≥ 0.1 s both effects are negligible.
public struct BandPassFilter: Hashable, Sendable {
    public let band: FrequencyBand
    public let sampleRate: Double

    /// - Throws: `invalidSampleRate`; `bandAboveNyquist` if the band's upper edge exceeds sampleRate/2.
    public init(band: FrequencyBand, sampleRate: Double) throws(AnalyticsError) {
        try band.validate(sampleRate: sampleRate)
        self.band = band
        self.sampleRate = sampleRate
    }

    /// The part of `signal` whose frequencies lie inside the band (edges inclusive).
    /// - Throws: `emptyInput`, `nonFiniteSample`.
    public func apply(to signal: [Double]) throws(AnalyticsError) -> [Double] {
        try Validation.requireSignal(signal)
        let plan = try RealFFTPlan(count: signal.count)
        var bins = try plan.forward(signal)
        let resolution = sampleRate / Double(signal.count)
        for k in 0..<bins.count where !band.contains(Double(k) * resolution) {
            bins.real[k] = 0
            bins.imaginary[k] = 0
        }
        return try plan.inverse(bins)
    }
}
