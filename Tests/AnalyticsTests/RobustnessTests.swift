import Analytics
import PropertyBased
import MillraceTestSupport
import Testing

/// Any input, however wrong, yields a result or an `AnalyticsError`: never a trap, never a NaN passed off as a value.
@Suite("Robustness on arbitrary input")
struct RobustnessTests {
    static let awkwardValues: [Double] = [0, -0.0, 1, -1, 1e300, -1e300, 1e-300, .nan, .infinity, -.infinity]
    static let sampleRates: [Double] = [-1, 0, 1, 2, 1000, 25600, .nan, .infinity]

    /// A quarter of the samples are awkward values (NaN, ±∞, ±1e300, signed zero), the rest ordinary numbers.
    static let waveform = Gen.int(in: 0...39).map { i in i < 10 ? awkwardValues[i] : Double(i - 25) * 0.37 }
        .array(of: 0...300)
    static let sampleRate = Gen.int(in: 0...7).map { sampleRates[$0] }

    @Test("spectra, envelopes, features and order tracking never trap")
    func neverTraps() async {
        await checkProperty(count: 300, input: Self.waveform, Self.sampleRate) {
            signal, sampleRate in
            let hasBadSample = signal.contains { !$0.isFinite }
            let result = Result { () throws(AnalyticsError) in try AmplitudeSpectrum(signal: signal, sampleRate: sampleRate) }
            switch result {
            case .success(let spectrum):
                #expect(!hasBadSample && !signal.isEmpty && sampleRate > 0)
                _ = spectrum.peaks(maximumCount: 3)
            case .failure(let error):
                let validRate = sampleRate > 0 && sampleRate.isFinite
                #expect(signal.isEmpty || hasBadSample || !validRate, "unexpected \(error)")
            }
            _ = try? PowerSpectralDensity(signal: signal, sampleRate: sampleRate, segmentLength: 16)
            if let band = try? FrequencyBand(lower: 0.1, upper: 0.4) {
                _ = try? EnvelopeAnalysis(signal: signal, sampleRate: sampleRate, band: band)
            }
            _ = try? HilbertTransform.envelope(of: signal)
            _ = try? VibrationFeatureExtractor.features(of: signal, sampleRate: sampleRate)
            _ = try? AngleDomainSignal(resampling: signal, sampleRate: sampleRate, speed: .constant(hertz: 7))
            if let features = try? VibrationFeatureExtractor.features(
                of: signal, sampleRate: sampleRate, velocityBand: try! FrequencyBand(lower: 0.01, upper: 0.5))
            {
                #expect(features.accelerationRMS.isFinite || signal.contains { abs($0) > 1e150 })
            }
        }
    }

    @Test("FFT round trip holds for arbitrary finite data")
    func roundTrip() async {
        await checkProperty(count: 100, input: Gen.double(in: -1e6...1e6).array(of: 1...400)) { signal in
            let plan = try! RealFFTPlan(count: signal.count)
            let back = try! plan.inverse(try! plan.forward(signal))
            let scale = signal.map(abs).max()! + 1
            #expect(TestSignals.maxAbsDifference(back, signal) < 1e-11 * scale * Double(signal.count))
        }
    }
}
