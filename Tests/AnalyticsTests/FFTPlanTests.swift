import PropertyBased
import MillraceTestSupport
import Testing

import Analytics

@Suite("FFT")
struct FFTPlanTests {
    // Powers of two (radix-2), 2^a·r with odd r ≤ 31 (mixed radix), primes and 1000 = 8·125 (Bluestein).
    static let sizes = [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, 17, 25, 31, 32, 33, 64, 96, 97, 100, 127, 128, 251, 256, 257, 800, 960, 1000,
        1024, 1536,
    ]

    @Test("complex FFT matches the direct DFT", arguments: sizes)
    func complexMatchesDFT(size: Int) throws {
        let re = TestSignals.random(count: size, seed: UInt64(size))
        let im = TestSignals.random(count: size, seed: UInt64(size) + 1000)
        let expected = TestSignals.dft(real: re, imaginary: im)
        let plan = try FFTPlan(count: size)
        var outRe = re
        var outIm = im
        try plan.forward(real: &outRe, imaginary: &outIm)
        let tolerance = 1e-12 * Double(size)
        #expect(TestSignals.maxAbsDifference(outRe, expected.real) < tolerance)
        #expect(TestSignals.maxAbsDifference(outIm, expected.imaginary) < tolerance)
        try plan.inverse(real: &outRe, imaginary: &outIm)
        #expect(TestSignals.maxAbsDifference(outRe, re) < 1e-13 * Double(size))
        #expect(TestSignals.maxAbsDifference(outIm, im) < 1e-13 * Double(size))
    }

    @Test("real FFT matches the direct DFT and round-trips", arguments: sizes)
    func realMatchesDFT(size: Int) throws {
        let x = TestSignals.random(count: size, seed: UInt64(size) + 7)
        let expected = TestSignals.dft(real: x, imaginary: [Double](repeating: 0, count: size))
        let plan = try RealFFTPlan(count: size)
        let spectrum = try plan.forward(x)
        #expect(spectrum.count == size / 2 + 1)
        let tolerance = 1e-12 * Double(size)
        #expect(TestSignals.maxAbsDifference(spectrum.real, Array(expected.real.prefix(size / 2 + 1))) < tolerance)
        #expect(
            TestSignals.maxAbsDifference(spectrum.imaginary, Array(expected.imaginary.prefix(size / 2 + 1))) < tolerance)
        let back = try plan.inverse(spectrum)
        #expect(TestSignals.maxAbsDifference(back, x) < 1e-13 * Double(size))
    }

    @Test("Parseval: Σ|x|² = (1/n)·Σ|X|²", arguments: [8, 100, 1000, 4096, 4099])
    func parseval(size: Int) throws {
        let x = TestSignals.random(count: size, seed: 42)
        let spectrum = try FFTPlan(count: size).forward(ComplexSignal(real: x))
        let timeEnergy = x.reduce(0) { $0 + $1 * $1 }
        let frequencyEnergy = zip(spectrum.real, spectrum.imaginary).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 }
        #expect(abs(timeEnergy - frequencyEnergy / Double(size)) < 1e-10 * timeEnergy)
    }

    @Test("a unit impulse transforms to all ones; a constant to a single DC bin")
    func impulseAndConstant() throws {
        let plan = try RealFFTPlan(count: 10)
        var impulse = [Double](repeating: 0, count: 10)
        impulse[0] = 1
        let flat = try plan.forward(impulse)
        #expect(flat.real.allSatisfy { abs($0 - 1) < 1e-14 })
        let dc = try plan.forward([Double](repeating: 2, count: 10))
        #expect(abs(dc.real[0] - 20) < 1e-12)
        #expect(dc.magnitudes.dropFirst().allSatisfy { $0 < 1e-12 })
    }

    @Test("round trip for random lengths and data")
    func roundTripProperty() async {
        await checkProperty(count: 60, input: Gen.int(in: 1...600), Gen.int(in: 0...1_000_000)) { size, seed in
            let x = TestSignals.random(count: size, seed: UInt64(seed))
            guard let plan = try? RealFFTPlan(count: size), let spectrum = try? plan.forward(x),
                let back = try? plan.inverse(spectrum)
            else {
                Issue.record("the FFT of \(size) points threw")
                return
            }
            #expect(TestSignals.maxAbsDifference(back, x) < 1e-12 * Double(size))
        }
    }

    @Test("invalid plans and mismatched lengths throw")
    func invalidInput() throws {
        #expect(throws: AnalyticsError.self) { try FFTPlan(count: 0) }
        #expect(throws: AnalyticsError.self) { try RealFFTPlan(count: -3) }
        #expect(throws: AnalyticsError.self) { try FFTPlan(count: FFTPlan.maximumCount + 1) }
        #expect(throws: AnalyticsError.self) { try Window(.hann, count: Int.max) }
        let plan = try FFTPlan(count: 8)
        var re = [Double](repeating: 0, count: 7)
        var im = [Double](repeating: 0, count: 8)
        #expect(throws: AnalyticsError.self) { try plan.forward(real: &re, imaginary: &im) }
        #expect(throws: AnalyticsError.self) { try RealFFTPlan(count: 8).forward([1, 2, 3]) }
        #expect(throws: AnalyticsError.self) { try ComplexSignal(real: [1], imaginary: []) }
    }
}
