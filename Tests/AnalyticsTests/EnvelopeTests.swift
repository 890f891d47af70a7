#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

import Analytics

@Suite("Hilbert transform and envelope")
struct EnvelopeTests {
    @Test("the Hilbert transform of a cosine is the sine; its envelope is constant")
    func hilbertOfCosine() throws {
        let n = 1000
        let x = (0..<n).map { cos(2 * Double.pi * 50 * Double($0) / 1000) }
        let analytic = try HilbertTransform.analyticSignal(of: x)
        for j in 0..<n {
            #expect(abs(analytic.real[j] - x[j]) < 1e-10)
            #expect(abs(analytic.imaginary[j] - sin(2 * Double.pi * 50 * Double(j) / 1000)) < 1e-10)
        }
        let envelope = try HilbertTransform.envelope(of: x)
        #expect(envelope.allSatisfy { abs($0 - 1) < 1e-10 })
    }

    /// x = (1 + m·cos 2πf_m t)·sin 2πf_c t: the envelope spectrum shows f_m with amplitude m.
    @Test("the envelope spectrum of an AM signal recovers the modulation frequency and depth")
    func amplitudeModulation() throws {
        let sampleRate = 25600.0
        let n = 25600
        let carrier = 3000.0, modulation = 107.4, depth = 0.5
        var generator = SeededGenerator(seed: 3)
        let signal = (0..<n).map { j -> Double in
            let t = Double(j) / sampleRate
            let shaft = 2 * sin(2 * Double.pi * 29.95 * t)  // strong low-frequency content outside the band
            return (1 + depth * cos(2 * Double.pi * modulation * t)) * sin(2 * Double.pi * carrier * t) + shaft
                + 0.05 * generator.gaussian()
        }
        let analysis = try EnvelopeAnalysis(
            signal: signal, sampleRate: sampleRate, band: try FrequencyBand(lower: 2000, upper: 4000))
        let top = try #require(analysis.spectrum.peaks(maximumCount: 1).first)
        #expect(abs(top.frequency - modulation) < 0.05)
        #expect(abs(top.amplitude - depth) < 0.02)
        #expect(analysis.envelope.count == n)
    }

    @Test("the FFT band-pass keeps in-band tones and removes the rest")
    func bandPass() throws {
        let a = TestSignals.sine(frequency: 100, amplitude: 1, sampleRate: 1000, count: 1000)
        let b = TestSignals.sine(frequency: 300, amplitude: 1, sampleRate: 1000, count: 1000)
        let filter = try BandPassFilter(band: try FrequencyBand(lower: 250, upper: 350), sampleRate: 1000)
        let output = try filter.apply(to: zip(a, b).map { $0 + $1 })
        #expect(TestSignals.maxAbsDifference(output, b) < 1e-10)
        #expect(throws: AnalyticsError.self) {
            try BandPassFilter(band: try FrequencyBand(lower: 100, upper: 600), sampleRate: 1000)
        }
    }

    @Test("invalid envelope input throws")
    func invalid() throws {
        let band = try FrequencyBand(lower: 100, upper: 200)
        #expect(throws: AnalyticsError.self) { try EnvelopeAnalysis(signal: [], sampleRate: 1000, band: band) }
        #expect(throws: AnalyticsError.self) { try EnvelopeAnalysis(signal: [1, 2], sampleRate: 300, band: band) }
        #expect(throws: AnalyticsError.self) { try HilbertTransform.envelope(of: [.nan]) }
    }
}
