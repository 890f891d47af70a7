#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MillraceTestSupport
import PropertyBased
import Testing

@testable import Analytics

/// The vectorised Stockham kernel (ADR 0021): every stage kind against the direct DFT, against the old radix-2
/// kernel for large powers of two, the real-input paths (interleaved first stage, unpacked, odd), and the
/// allocation-free calls.
@Suite("FFT kernels")
struct FFTKernelTests {
    /// Lengths that reach each path: 1–3; 2·odd and 4·odd (scalar stages only); multiples of 16 (vectorised radix-4
    /// first stage, then radix 8/4/2 vector stages) with an odd and an even stage count (in-place copy or not);
    /// 3, 5 (vector) and 7, 11, 13 (scalar) after a vector first stage; 2^a·17 (mixed radix); primes (Bluestein).
    static let complexSizes = [
        1, 2, 3, 6, 10, 12, 20, 16, 32, 48, 64, 80, 112, 128, 144, 176, 208, 240, 256, 400, 512, 720, 1024, 1088, 1280,
        2048, 4096, 509, 1021,
    ]

    @Test("complex FFT matches the direct DFT on every stage kind", arguments: complexSizes)
    func complexStageKinds(size: Int) throws {
        let re = TestSignals.random(count: size, seed: UInt64(size) * 3)
        let im = TestSignals.random(count: size, seed: UInt64(size) * 3 + 1)
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

    /// Even n whose half length reads the interleaved input in its first stage (n/2 divisible by 16), whose half
    /// length is smooth but not (unpacked first), and whose half length is not smooth; odd n; small n where the
    /// two-bins-at-a-time separation has nothing or one pair to do.
    static let realSizes = [1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18, 32, 34, 36, 40, 64, 96, 160, 200, 256, 1000, 1022, 2048, 2050, 2400, 4096, 4097]

    @Test("real FFT matches the direct DFT on every input path", arguments: realSizes)
    func realPaths(size: Int) throws {
        let x = TestSignals.random(count: size, seed: UInt64(size) + 77)
        let expected = TestSignals.dft(real: x, imaginary: [Double](repeating: 0, count: size))
        let plan = try RealFFTPlan(count: size)
        let spectrum = try plan.forward(x)
        let tolerance = 1e-12 * Double(size)
        #expect(TestSignals.maxAbsDifference(spectrum.real, Array(expected.real.prefix(size / 2 + 1))) < tolerance)
        #expect(
            TestSignals.maxAbsDifference(spectrum.imaginary, Array(expected.imaginary.prefix(size / 2 + 1)))
                < tolerance)
        #expect(TestSignals.maxAbsDifference(try plan.inverse(spectrum), x) < 1e-13 * Double(size))
    }

    @Test("Stockham matches the radix-2 kernel on large powers of two", arguments: [8192, 32768, 65536, 131072])
    func stockhamAgainstRadix2(size: Int) throws {
        let re = TestSignals.random(count: size, seed: 5)
        let im = TestSignals.random(count: size, seed: 6)
        var newRe = re, newIm = im, oldRe = re, oldIm = im
        try FFTPlan(count: size).forward(real: &newRe, imaginary: &newIm)
        let reference = Radix2Kernel(count: size)
        oldRe.withUnsafeMutableBufferPointer { r in
            oldIm.withUnsafeMutableBufferPointer { i in reference.forward(real: r.baseAddress!, imaginary: i.baseAddress!) }
        }
        // Bins of unit-variance noise are about √n; both kernels are within a few ulps of that per level.
        let tolerance = 1e-14 * Double(size)
        #expect(TestSignals.maxAbsDifference(newRe, oldRe) < tolerance)
        #expect(TestSignals.maxAbsDifference(newIm, oldIm) < tolerance)
    }

    /// 25 600 (1 s at 25.6 kHz, the condition monitor's block), 48 000 and 10^6 real points: 40 bins against the
    /// direct sums (a full O(n²) DFT would take minutes), and a tone at an exact bin.
    @Test("large real lengths: bins against direct sums, a tone lands in one bin", arguments: [25600, 48000, 1_000_000])
    func largeRealLengths(size: Int) throws {
        let x = TestSignals.random(count: size, seed: 11)
        let plan = try RealFFTPlan(count: size)
        let spectrum = try plan.forward(x)
        for index in 0..<40 {
            let k = index * (size / 2) / 39
            var re = 0.0, im = 0.0
            for j in 0..<size {
                let angle = -2 * Double.pi * Double((j * k) % size) / Double(size)
                re += x[j] * cos(angle)
                im += x[j] * sin(angle)
            }
            #expect(abs(spectrum.real[k] - re) < 1e-9 && abs(spectrum.imaginary[k] - im) < 1e-9, "bin \(k)")
        }
        let bin = size / 7
        let tone = (0..<size).map { cos(2 * Double.pi * Double((bin * $0) % size) / Double(size)) }
        let toneSpectrum = try plan.forward(tone)
        let magnitudes = toneSpectrum.magnitudes
        #expect(abs(magnitudes[bin] - Double(size) / 2) < 1e-8 * Double(size))
        #expect(magnitudes.enumerated().allSatisfy { $0.offset == bin || $0.element < 1e-8 * Double(size) })
    }

    @Test("radix plans: a radix-4 first stage, radix-8 passes, vector stages after it")
    func radixPlans() {
        #expect(StockhamKernel.radices(of: 12800) == [4, 8, 4, 4, 5, 5])
        #expect(StockhamKernel.radices(of: 1 << 19) == [4, 8, 8, 8, 8, 8, 4])
        #expect(StockhamKernel.radices(of: 500) == [4, 5, 5, 5])
        #expect(StockhamKernel.radices(of: 2) == [2])
        #expect(StockhamKernel.radices(of: 34) == nil)
        let kernel = StockhamKernel(count: 12800)
        #expect(kernel.readsInterleavedDirectly)
        #expect(kernel.stages.first?.kind == .firstRadix4)
        #expect(kernel.stages.dropFirst().allSatisfy { $0.kind == .vector })
        // 4·odd: the first stage runs its last p alone; 2·odd: a scalar first stage, then stride 2 is vectorised;
        // odd lengths have odd strides only.
        #expect(StockhamKernel(count: 20).stages.map(\.kind) == [.firstRadix4, .vector])
        #expect(StockhamKernel(count: 6).stages.map(\.kind) == [.scalar, .vector])
        #expect(StockhamKernel(count: 15).stages.allSatisfy { $0.kind == .scalar })
        // 7 after a vector first stage runs the scalar generic butterfly.
        #expect(StockhamKernel(count: 112).stages.map(\.kind) == [.firstRadix4, .vector, .scalar])
    }

    @Test("forward(_:into:) and forward(_:into:scratch:) give the same bins and reuse the caller's storage")
    func allocationFreeCalls() throws {
        for size in [1, 2, 7, 64, 100, 1000, 4096] {
            let x = TestSignals.random(count: size, seed: UInt64(size))
            let plan = try RealFFTPlan(count: size)
            let expected = try plan.forward(x)
            var spectrum = ComplexSignal(real: [])
            try plan.forward(x, into: &spectrum)
            #expect(spectrum == expected)
            var scratch: [Double] = []
            try plan.forward(x, into: &spectrum, scratch: &scratch)
            #expect(spectrum == expected)
            #expect(scratch.count == plan.scratchCount)
            let realStorage = spectrum.real.withUnsafeBufferPointer { $0.baseAddress }
            let scratchStorage = scratch.withUnsafeBufferPointer { $0.baseAddress }
            let y = TestSignals.random(count: size, seed: UInt64(size) + 1)
            try plan.forward(y, into: &spectrum, scratch: &scratch)
            #expect(spectrum == (try plan.forward(y)))
            #expect(spectrum.real.withUnsafeBufferPointer { $0.baseAddress } == realStorage)
            #expect(scratch.withUnsafeBufferPointer { $0.baseAddress } == scratchStorage)
        }
        var wrongSize = ComplexSignal(real: [1, 2, 3])
        try RealFFTPlan(count: 16).forward([Double](repeating: 1, count: 16), into: &wrongSize)
        #expect(wrongSize.count == 9)
        #expect(abs(wrongSize.real[0] - 16) < 1e-12)
        var spectrum = ComplexSignal(real: [])
        #expect(throws: AnalyticsError.self) { try RealFFTPlan(count: 16).forward([1, 2], into: &spectrum) }
    }

    @Test("random lengths up to 5000: the allocation-free call equals forward, and round-trips")
    func randomLengthsProperty() async {
        await checkProperty(count: 40, input: Gen.int(in: 1...5000), Gen.int(in: 0...1_000_000)) { size, seed in
            let x = TestSignals.random(count: size, seed: UInt64(seed))
            guard let plan = try? RealFFTPlan(count: size), let spectrum = try? plan.forward(x) else {
                Issue.record("the FFT of \(size) points threw")
                return
            }
            var reused = ComplexSignal(real: [])
            var scratch: [Double] = []
            try? plan.forward(x, into: &reused, scratch: &scratch)
            #expect(reused == spectrum)
            guard let back = try? plan.inverse(spectrum) else {
                Issue.record("the inverse FFT of \(size) points threw")
                return
            }
            #expect(TestSignals.maxAbsDifference(back, x) < 1e-12 * Double(size))
        }
    }
}
