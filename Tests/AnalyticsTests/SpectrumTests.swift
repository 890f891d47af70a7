import Testing

import Analytics

@Suite("Amplitude spectrum and PSD")
struct SpectrumTests {
    @Test("peak and RMS scaling of a bin-centred sine, DC reads the mean")
    func scaling() throws {
        let signal = TestSignals.sine(frequency: 50, amplitude: 3, sampleRate: 1000, count: 1000).map { $0 + 0.7 }
        let peak = try AmplitudeSpectrum(signal: signal, sampleRate: 1000, window: .hann, scaling: .peak)
        #expect(peak.frequencyResolution == 1)
        #expect(abs(peak.amplitudes[50] - 3) < 1e-9)
        #expect(abs(peak.amplitudes[0] - 0.7) < 1e-9)
        let rms = try AmplitudeSpectrum(signal: signal, sampleRate: 1000, window: .rectangular, scaling: .rms)
        #expect(abs(rms.amplitudes[50] - 3 / 2.squareRoot()) < 1e-9)
        #expect(abs(rms.amplitudes[0] - 0.7) < 1e-9)
        let demeaned = try AmplitudeSpectrum(signal: signal, sampleRate: 1000, removeMean: true)
        #expect(demeaned.amplitudes[0] < 1e-9)
    }

    @Test("a tone at Nyquist reads its amplitude in the last bin")
    func nyquistBin() throws {
        let signal = (0..<64).map { $0 % 2 == 0 ? 1.5 : -1.5 }
        let spectrum = try AmplitudeSpectrum(signal: signal, sampleRate: 64, window: .rectangular)
        #expect(spectrum.amplitudes.count == 33)
        #expect(abs(spectrum.amplitudes[32] - 1.5) < 1e-12)
    }

    @Test("Welch PSD of white noise is flat at σ²/(fs/2) and integrates to the variance")
    func whiteNoise() throws {
        var generator = SeededGenerator(seed: 7)
        let sigma = 0.5
        let signal = (0..<65536).map { _ in sigma * generator.gaussian() }
        let psd = try PowerSpectralDensity(signal: signal, sampleRate: 1000, segmentLength: 1024, overlap: 0.5)
        #expect(psd.segmentCount == 127)
        let interior = psd.density[10..<500]
        let meanDensity = interior.reduce(0, +) / Double(interior.count)
        #expect(abs(meanDensity - sigma * sigma / 500) / (sigma * sigma / 500) < 0.03)
        let total = psd.meanSquare(in: try FrequencyBand(lower: 0, upper: 500))
        #expect(abs(total - sigma * sigma) / (sigma * sigma) < 0.03)
    }

    @Test("Welch PSD of a sine integrates to A²/2 with every window", arguments: WindowKind.allCases)
    func sinePower(kind: WindowKind) throws {
        let signal = TestSignals.sine(frequency: 123.4, amplitude: 2, sampleRate: 4096, count: 16384)
        let psd = try PowerSpectralDensity(signal: signal, sampleRate: 4096, segmentLength: 2048, window: kind)
        let power = psd.meanSquare(in: try FrequencyBand(lower: 100, upper: 150))
        // The rectangular window's slowly decaying side lobes leak about 1 % of the power outside ±25 Hz.
        let tolerance = kind == .rectangular ? 0.02 : 0.001
        #expect(abs(power - 2) / 2 < tolerance, "\(kind): \(power)")
    }

    @Test("invalid spectra throw typed errors")
    func invalid() throws {
        #expect(throws: AnalyticsError.self) { try AmplitudeSpectrum(signal: [], sampleRate: 1) }
        #expect(throws: AnalyticsError.self) { try AmplitudeSpectrum(signal: [1, .nan], sampleRate: 1) }
        #expect(throws: AnalyticsError.self) { try AmplitudeSpectrum(signal: [1, 2], sampleRate: 0) }
        #expect(throws: AnalyticsError.self) { try AmplitudeSpectrum(signal: [1, 2], sampleRate: -.infinity) }
        #expect(throws: AnalyticsError.self) {
            try PowerSpectralDensity(signal: [1, 2, 3], sampleRate: 10, segmentLength: 8)
        }
        #expect(throws: AnalyticsError.self) {
            try PowerSpectralDensity(signal: [1, 2, 3, 4], sampleRate: 10, segmentLength: 2, overlap: 1)
        }
        #expect(throws: AnalyticsError.self) { try FrequencyBand(lower: 10, upper: 5) }
        #expect(throws: AnalyticsError.self) { try FrequencyBand(lower: -1, upper: 5) }
    }

    @Test("errors say what was wrong and where")
    func errorMessages() {
        do {
            _ = try AmplitudeSpectrum(signal: [0, 1, .infinity], sampleRate: 100)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .nonFiniteSample)
            #expect(error.message.contains("signal[2]"))
        }
    }
}
