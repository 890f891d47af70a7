import Analytics
import Testing

@Suite("Spectrum analyzer (reused plans)")
struct SpectrumAnalyzerTests {
    @Test("gives the same spectra as the one-shot initialisers", arguments: [1000, 1024, 2047])
    func sameResults(count: Int) throws {
        let sampleRate = 8192.0
        let signal = TestSignals.random(count: count, seed: UInt64(count))
        let analyzer = try SpectrumAnalyzer(sampleCount: count, sampleRate: sampleRate, window: .hann)
        let reused = try analyzer.amplitudeSpectrum(of: signal, scaling: .rms, removeMean: true)
        let oneShot = try AmplitudeSpectrum(
            signal: signal, sampleRate: sampleRate, window: .hann, scaling: .rms, removeMean: true)
        #expect(TestSignals.maxAbsDifference(reused.amplitudes, oneShot.amplitudes) < 1e-12)
        let band = try FrequencyBand(lower: 500, upper: 2500)
        let envelope = try analyzer.envelopeAnalysis(of: signal, band: band)
        let envelopeOneShot = try EnvelopeAnalysis(signal: signal, sampleRate: sampleRate, band: band)
        #expect(TestSignals.maxAbsDifference(envelope.envelope, envelopeOneShot.envelope) < 1e-12)
        #expect(TestSignals.maxAbsDifference(envelope.spectrum.amplitudes, envelopeOneShot.spectrum.amplitudes) < 1e-12)
    }

    @Test("rejects other lengths, NaN and bands above Nyquist")
    func invalid() throws {
        let analyzer = try SpectrumAnalyzer(sampleCount: 16, sampleRate: 100)
        #expect(throws: AnalyticsError.self) { try analyzer.amplitudeSpectrum(of: [1, 2, 3]) }
        var withNaN = [Double](repeating: 0, count: 16)
        withNaN[3] = .nan
        #expect(throws: AnalyticsError.self) { try analyzer.amplitudeSpectrum(of: withNaN) }
        #expect(throws: AnalyticsError.self) {
            try analyzer.envelopeAnalysis(of: [Double](repeating: 0, count: 16), band: try FrequencyBand(lower: 10, upper: 60))
        }
        #expect(throws: AnalyticsError.self) { try SpectrumAnalyzer(sampleCount: 1, sampleRate: 100) }
    }
}
