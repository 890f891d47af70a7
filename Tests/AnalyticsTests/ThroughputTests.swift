#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Analytics
import Testing

/// Prints (never asserts) throughput figures; meaningful only with `swift test -c release --filter Throughput`.
/// Times are the best of five batches of this process's CPU time, so other jobs on a shared machine distort less.
@Suite("Throughput (printed, not asserted)")
struct ThroughputTests {
    @Test("65536-point real FFT and 1 s of 25.6 kHz feature extraction")
    func throughput() throws {
        let fftCount = 65536
        let signal = TestSignals.random(count: fftCount, seed: 1)
        let plan = try RealFFTPlan(count: fftCount)
        var checksum = 0.0
        let fft = try Self.best(runs: 40) { checksum += try plan.forward(signal).real[1] }

        let sampleRate = 25600.0
        var generator = SeededGenerator(seed: 9)
        let waveform = (0..<25600).map { j in
            4 * sine(2 * Double.pi * 100 * Double(j) / sampleRate) + 0.3 * generator.gaussian()
        }
        let extractor = try VibrationFeatureExtractor(sampleCount: 25600, sampleRate: sampleRate)
        let analyzer = try SpectrumAnalyzer(sampleCount: 25600, sampleRate: sampleRate)
        let band = try FrequencyBand(lower: 2000, upper: 6000)
        let features = try Self.best(runs: 10) { checksum += try extractor.features(of: waveform).velocityRMS }
        let full = try Self.best(runs: 4) {
            checksum += try extractor.features(of: waveform).velocityRMS
            checksum += try analyzer.amplitudeSpectrum(of: waveform).amplitudes[100]
            checksum += try analyzer.envelopeAnalysis(of: waveform, band: band).spectrum.amplitudes[5]
        }
        print(
            """
            [throughput] 65536-point real FFT: \(Int(fft * 1e6)) µs = \(Int(1 / fft)) transforms/s
            [throughput] features (statistics + 10–1000 Hz velocity RMS) of 1 s @ 25.6 kHz: \(Int(features * 1e6)) µs \
            = \(Int(1 / features)) channels in real time per core
            [throughput] features + amplitude spectrum + envelope spectrum of 1 s @ 25.6 kHz: \(Int(full * 1e6)) µs \
            = \(Int(1 / full)) channels in real time per core
            """)
        #expect(checksum.isFinite)
    }

    private static func cpuSeconds() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) * 1e-9
    }

    /// The best per-run CPU time over five batches of `runs`.
    private static func best(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var result = Double.infinity
        for _ in 0..<5 {
            let start = cpuSeconds()
            for _ in 0..<runs { try body() }
            result = min(result, (cpuSeconds() - start) / Double(runs))
        }
        return result
    }
}
