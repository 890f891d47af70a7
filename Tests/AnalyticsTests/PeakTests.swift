import Testing

import Analytics

@Suite("Peak finding")
struct PeakTests {
    @Test(
        "interpolation recovers frequency and amplitude of an off-bin tone",
        arguments: [WindowKind.hann, .hamming, .blackmanHarris, .flatTop])
    func windowMatched(kind: WindowKind) throws {
        for offset in [0.0, 0.13, 0.31, 0.5, 0.77] {
            let frequency = 200 + offset
            let signal = TestSignals.sine(frequency: frequency, amplitude: 1.7, sampleRate: 2048, count: 2048)
            let spectrum = try AmplitudeSpectrum(signal: signal, sampleRate: 2048, window: kind)
            let peak = try #require(try spectrum.peak(near: 200, tolerance: 2))
            #expect(abs(peak.frequency - frequency) < 0.01, "\(kind) \(frequency): \(peak.frequency)")
            #expect(abs(peak.amplitude - 1.7) / 1.7 < 0.005, "\(kind) \(frequency): \(peak.amplitude)")
        }
    }

    @Test("parabolic interpolation is within a few hundredths of a bin for Hann")
    func parabolic() throws {
        let signal = TestSignals.sine(frequency: 200.3, amplitude: 1, sampleRate: 2048, count: 2048)
        let spectrum = try AmplitudeSpectrum(signal: signal, sampleRate: 2048, window: .hann)
        let peak = try #require(try spectrum.peak(near: 200, tolerance: 2, interpolation: .parabolic))
        #expect(abs(peak.frequency - 200.3) < 0.05)
        #expect(abs(peak.amplitude - 1) < 0.02)
    }

    @Test("peak near an expected frequency picks the local maximum in the window, not the global one")
    func nearExpected() throws {
        let sampleRate = 4096.0
        let big = TestSignals.sine(frequency: 60, amplitude: 10, sampleRate: sampleRate, count: 4096)
        let small = TestSignals.sine(frequency: 107.4, amplitude: 0.2, sampleRate: sampleRate, count: 4096)
        let spectrum = try AmplitudeSpectrum(signal: zip(big, small).map { $0 + $1 }, sampleRate: sampleRate)
        let peak = try #require(try spectrum.peak(near: 107, tolerance: 2))
        #expect(abs(peak.frequency - 107.4) < 0.02)
        #expect(abs(peak.amplitude - 0.2) < 0.002)
        let top = spectrum.peaks(maximumCount: 2)
        #expect(top.count == 2)
        #expect(abs(top[0].frequency - 60) < 0.01)
        #expect(abs(top[1].frequency - 107.4) < 0.02)
        #expect(throws: AnalyticsError.self) { try spectrum.peak(near: 5000, tolerance: 1) }
        #expect(throws: AnalyticsError.self) { try spectrum.peak(near: 100, tolerance: -1) }
    }

    @Test("a flat spectrum has no interpolated peak larger than itself, zero spectrum has none")
    func degenerate() throws {
        let zero = try AmplitudeSpectrum(signal: [Double](repeating: 0, count: 128), sampleRate: 128)
        #expect(zero.peaks(maximumCount: 5).isEmpty)
        #expect(try zero.peak(near: 10, tolerance: 3).map { $0.amplitude } == 0)
    }
}
