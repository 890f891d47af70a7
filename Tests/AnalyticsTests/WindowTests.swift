import Testing

import Analytics

@Suite("Windows")
struct WindowTests {
    @Test("gains match the closed forms for rectangular and Hann")
    func gains() throws {
        let rectangular = try Window(.rectangular, count: 1024)
        #expect(abs(rectangular.coherentGain - 1) < 1e-12)
        #expect(abs(rectangular.equivalentNoiseBandwidth - 1) < 1e-12)
        let hann = try Window(.hann, count: 1024)
        #expect(abs(hann.coherentGain - 0.5) < 1e-12)
        #expect(abs(hann.noisePowerGain - 0.375) < 1e-12)
        #expect(abs(hann.equivalentNoiseBandwidth - 1.5) < 1e-12)
    }

    /// Published ENBW (bins) and worst-case scalloping loss (fraction of amplitude) per window:
    /// Harris 1978 Table 1; HFT90D from Heinzel et al. 2002 (ENBW 3.8832, scalloping 0.0039 dB).
    @Test(
        "ENBW and scalloping loss match the published values",
        arguments: [
            (WindowKind.rectangular, 1.0, 0.3634),
            (.hann, 1.5, 0.1511),
            (.hamming, 1.3628, 0.1826),
            (.blackmanHarris, 2.0044, 0.0915),
            (.flatTop, 3.8832, 0.00045),
        ])
    func publishedFigures(kind: WindowKind, enbw: Double, scalloping: Double) throws {
        let window = try Window(kind, count: 4096)
        #expect(abs(window.equivalentNoiseBandwidth - enbw) < 0.002 * enbw)
        #expect(abs(window.worstCaseScallopingLoss - scalloping) < 0.003 + 0.05 * scalloping)
    }

    /// A sine of amplitude 1 anywhere between two bins reads between 1 − scalloping loss and 1 with every window.
    @Test("a sine's amplitude stays within the window's scalloping spec", arguments: WindowKind.allCases)
    func sineAmplitudeWithinScalloping(kind: WindowKind) throws {
        let sampleRate = 1024.0
        let count = 1024
        let window = try Window(kind, count: count)
        for offset in stride(from: 0.0, through: 0.5, by: 0.05) {
            let frequency = 100 + offset
            let signal = TestSignals.sine(frequency: frequency, amplitude: 1, sampleRate: sampleRate, count: count)
            let spectrum = try AmplitudeSpectrum(signal: signal, sampleRate: sampleRate, window: kind)
            let bin = spectrum.amplitudes.indices.max { spectrum.amplitudes[$0] < spectrum.amplitudes[$1] }!
            let amplitude = spectrum.amplitudes[bin]
            #expect(amplitude <= 1.002)
            #expect(amplitude >= 1 - window.worstCaseScallopingLoss - 0.002, "\(kind) at +\(offset) bin: \(amplitude)")
        }
    }

    @Test("the flat-top window reads a sine's amplitude within 0.1 % at any frequency")
    func flatTopAccuracy() throws {
        for step in 0...20 {
            let frequency = 250 + Double(step) * 0.05
            let signal = TestSignals.sine(frequency: frequency, amplitude: 2.5, sampleRate: 2048, count: 2048)
            let spectrum = try AmplitudeSpectrum(signal: signal, sampleRate: 2048, window: .flatTop)
            let amplitude = spectrum.amplitudes.max()!
            #expect(abs(amplitude - 2.5) / 2.5 < 0.001, "at \(frequency) Hz read \(amplitude)")
        }
    }

    @Test("response at zero offset is 1 and matches a direct DTFT elsewhere")
    func responseMatchesDirectSum() throws {
        for kind in WindowKind.allCases {
            let window = try Window(kind, count: 64)
            for offset in [0.0, 0.25, 0.5, 1.3] {
                var re = 0.0, im = 0.0
                for (j, w) in window.coefficients.enumerated() {
                    let angle = -2 * Double.pi * offset * Double(j) / 64
                    re += w * cosine(angle)
                    im += w * sine(angle)
                }
                let direct = (re * re + im * im).squareRoot() / window.sum
                #expect(abs(kind.response(atBinOffset: offset, count: 64) - direct) < 1e-9, "\(kind) at \(offset)")
            }
        }
    }

    @Test("invalid windows throw")
    func invalid() throws {
        #expect(throws: AnalyticsError.self) { try Window(.hann, count: 0) }
        #expect(throws: AnalyticsError.self) { try Window(.hann, count: 4).apply(to: [1, 2]) }
    }
}
