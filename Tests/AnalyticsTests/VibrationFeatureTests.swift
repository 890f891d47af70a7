#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing

import Analytics

@Suite("Vibration features")
struct VibrationFeatureTests {
    static let sampleRate = 25600.0

    /// a(t) = A·sin(2πft) integrates to v(t) = −A/(2πf)·cos(2πft): v_rms = A/(2πf)/√2.
    @Test(
        "velocity RMS of a pure sine acceleration equals A/(2πf)/√2",
        arguments: [(100.0, 10.0), (100.0, 1.0), (37.3, 4.0), (512.7, 20.0)])
    func velocityOfSine(frequency: Double, amplitude: Double) throws {
        let a = TestSignals.sine(frequency: frequency, amplitude: amplitude, sampleRate: Self.sampleRate, count: 25600)
        let features = try VibrationFeatureExtractor.features(of: a, sampleRate: Self.sampleRate)
        let expected = amplitude / (2 * Double.pi * frequency) / 2.squareRoot() * 1000
        #expect(abs(features.velocityRMS - expected) / expected < 0.002, "\(features.velocityRMS) vs \(expected)")
    }

    @Test("acceleration in g is converted with g_n = 9.80665 m/s²")
    func unitG() throws {
        let a = TestSignals.sine(frequency: 100, amplitude: 1, sampleRate: Self.sampleRate, count: 25600)
        let features = try VibrationFeatureExtractor.features(of: a, sampleRate: Self.sampleRate, unit: .standardGravity)
        let expected = 9.80665 / (2 * Double.pi * 100) / 2.squareRoot() * 1000
        #expect(abs(features.velocityRMS - expected) / expected < 0.001)
        #expect(features.accelerationUnit == .standardGravity)
        #expect(abs(features.accelerationRMS - 1 / 2.squareRoot()) < 1e-6)
    }

    @Test("the 10–1000 Hz band excludes components at 5 Hz and 2 kHz")
    func bandLimits() throws {
        let inBand = TestSignals.sine(frequency: 100, amplitude: 5, sampleRate: Self.sampleRate, count: 25600)
        let low = TestSignals.sine(frequency: 5, amplitude: 5, sampleRate: Self.sampleRate, count: 25600)
        let high = TestSignals.sine(frequency: 2000, amplitude: 50, sampleRate: Self.sampleRate, count: 25600)
        let extractor = try VibrationFeatureExtractor(sampleCount: 25600, sampleRate: Self.sampleRate)
        let reference = try extractor.features(of: inBand).velocityRMS
        let mixed = try extractor.features(of: (0..<25600).map { inBand[$0] + low[$0] + high[$0] }).velocityRMS
        #expect(abs(mixed - reference) / reference < 0.001, "\(mixed) vs \(reference)")
        // Alone, each out-of-band tone contributes (almost) nothing, though 5 Hz would be 159 mm/s RMS.
        #expect(try extractor.features(of: low).velocityRMS < 0.01)
        #expect(try extractor.features(of: high).velocityRMS < 0.01)
    }

    @Test("a sine: RMS A/√2, peak A, peak-to-peak 2A, crest factor √2, kurtosis 1.5, skewness 0")
    func sineStatistics() throws {
        let a = TestSignals.sine(frequency: 100, amplitude: 3, sampleRate: Self.sampleRate, count: 25600)
            .map { $0 + 0.25 }  // a DC bias, which must not count as vibration
        let features = try VibrationFeatureExtractor.features(of: a, sampleRate: Self.sampleRate)
        #expect(abs(features.accelerationRMS - 3 / 2.squareRoot()) < 1e-9)
        #expect(abs(features.accelerationPeak - 3) < 1e-6)
        #expect(abs(features.accelerationPeakToPeak - 6) < 1e-6)
        #expect(abs(try #require(features.crestFactor) - 2.squareRoot()) < 1e-6)
        #expect(abs(try #require(features.kurtosis) - 1.5) < 1e-6)
        #expect(abs(try #require(features.skewness)) < 1e-9)
    }

    @Test("Gaussian noise: kurtosis ≈ 3, skewness ≈ 0; impacts raise kurtosis")
    func gaussianStatistics() throws {
        var generator = SeededGenerator(seed: 2026)
        let noise = (0..<100_000).map { _ in generator.gaussian() }
        let features = try VibrationFeatureExtractor.features(of: noise, sampleRate: Self.sampleRate)
        #expect(abs(try #require(features.kurtosis) - 3) < 0.1)
        #expect(abs(try #require(features.skewness)) < 0.05)
        var impacts = noise
        for j in stride(from: 0, to: impacts.count, by: 2000) { impacts[j] += 15 }
        let impacted = try VibrationFeatureExtractor.features(of: impacts, sampleRate: Self.sampleRate)
        #expect(try #require(impacted.kurtosis) > 5)
        #expect(try #require(impacted.crestFactor) > 8)
    }

    @Test("a flat line has no crest factor, kurtosis or skewness instead of NaN")
    func flatLine() throws {
        let features = try VibrationFeatureExtractor.features(
            of: [Double](repeating: 1.2, count: 25600), sampleRate: Self.sampleRate)
        #expect(features.accelerationRMS < 1e-12)
        #expect(features.crestFactor == nil)
        #expect(features.kurtosis == nil)
        #expect(features.skewness == nil)
        #expect(features.velocityRMS < 1e-12)
    }

    @Test("invalid waveforms and bands throw typed errors")
    func invalid() throws {
        #expect(throws: AnalyticsError.self) { try VibrationFeatureExtractor.features(of: [], sampleRate: 100) }
        #expect(throws: AnalyticsError.self) {
            try VibrationFeatureExtractor.features(of: [1, .nan, 3], sampleRate: 25600)
        }
        #expect(throws: AnalyticsError.self) {
            try VibrationFeatureExtractor.features(of: [Double](repeating: 0, count: 1000), sampleRate: 0)
        }
        do {
            _ = try VibrationFeatureExtractor.features(of: [Double](repeating: 0, count: 1000), sampleRate: 1000)
            Issue.record("a 1000 Hz band cannot be measured at 1000 samples/s")
        } catch {
            #expect(error.code == .bandAboveNyquist)
        }
        do {
            _ = try VibrationFeatureExtractor.features(of: [1, 2], sampleRate: 2560)
            Issue.record("two samples at 2560 Hz have bins at 0 and 1280 Hz only, none in 10–1000 Hz")
        } catch {
            #expect(error.code == .insufficientData)
        }
        let extractor = try VibrationFeatureExtractor(sampleCount: 2560, sampleRate: 2560)
        #expect(throws: AnalyticsError.self) { try extractor.features(of: [1, 2]) }
    }
}
