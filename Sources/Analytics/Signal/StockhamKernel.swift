#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The FFT of a length whose prime factors are all small (n = 2^a·3^b·5^c·7^d·11^e·13^f: powers of two, 25 600,
/// 1000, 48 000, 10^6), by Stockham's self-sorting formulation of mixed-radix Cooley–Tukey: no bit-reversal, each
/// stage reads one buffer and writes the other.
///
/// A stage of radix r on sub-transforms of length L = r·m with stride s (Stockham 1966; Van Loan, *Computational
/// Frameworks for the FFT*, 1992, §1.7): for p < m and q < s, with a_t = x[q + s·(p + t·m)],
///
///     y[q + s·(r·p + u)] = (Σ_t a_t·e^{−2πi·t·u/r}) · e^{−2πi·p·u/L},   u < r,
///
/// then L ← m and s ← s·r. After the last stage y holds X in natural order.
///
/// Why it is fast (ADR 0021): the inner loop runs over q, s consecutive values that share one twiddle, so a stage
/// with an even s runs on `SIMD2<Double>` vectors of the split real and imaginary arrays with broadcast
/// twiddles (`StockhamKernel+SIMD.swift`). The first stage (s = 1) is radix 4 and vectorised over p instead, with
/// its twiddles stored per u so they load as vectors; after it every stride is a multiple of four. Powers of two
/// then run radix-8 stages (three of the log2 n levels per pass over memory). Stages the vector code cannot take
/// (the first stage of lengths not divisible by 4, odd strides, radices 7, 11, 13) run the scalar butterflies of
/// `StockhamKernel+Scalar.swift`.
/// Twiddles are computed once per plan with cos/sin of exact arguments (p·u mod L), so accuracy does not degrade
/// with n.
struct StockhamKernel: Sendable {
    /// One pass over the data.
    struct Stage: Sendable {
        enum Kind: Sendable {
            /// s = 1, radix 4: vectorised over p (an odd m's last p alone), twiddles at [(u−1)·m + p].
            case firstRadix4
            /// s a multiple of the vector width, radix 2, 3, 4, 5 or 8: vectorised over q, twiddles at [p·(r−1) + u−1].
            case vector
            /// Any other stage: scalar butterflies, twiddles at [p·(r−1) + u−1].
            case scalar
        }
        let radix: Int
        /// Sub-transforms per block after this stage (m = L/r).
        let m: Int
        let stride: Int
        let kind: Kind
        /// Where this stage's m·(r−1) twiddles start in `twiddleReal` and `twiddleImaginary`.
        let twiddleOffset: Int
    }

    let count: Int
    let stages: [Stage]
    private let twiddleReal: [Double]
    private let twiddleImaginary: [Double]

    /// The radices, in stage order.
    var radices: [Int] { stages.map(\.radix) }

    /// Whether `transform(interleaved:…)` reads interleaved input in its first stage (no separate packing pass).
    var readsInterleavedDirectly: Bool { stages.first?.kind == .firstRadix4 }

    /// The primes a length may consist of to use this kernel.
    static let primes = [2, 3, 5, 7, 11, 13]

    /// The radices of `count` in stage order, or nil if it has a prime factor above 13: a 4 first when 4 divides n
    /// (the vectorised first stage), then 8s, the remaining 4s or 2, then 3, 5, 7, 11, 13.
    static func radices(of count: Int) -> [Int]? {
        guard count > 1 else { return nil }
        var twos = count.trailingZeroBitCount
        var rest = count >> twos
        var result: [Int] = []
        if twos >= 2 {
            result.append(4)
            twos -= 2
        }
        while twos >= 3, twos != 4 {
            result.append(8)
            twos -= 3
        }
        switch twos {
        case 4: result += [4, 4]
        case 2: result.append(4)
        case 1: result.append(2)
        default: break
        }
        for prime in primes.dropFirst() {
            while rest % prime == 0 {
                result.append(prime)
                rest /= prime
            }
        }
        return rest == 1 ? result : nil
    }

    /// - Precondition: `radices(of: count)` is not nil (checked by `FFTPlan`).
    init(count: Int) {
        self.count = count
        let radices = Self.radices(of: count) ?? [count]
        var stages: [Stage] = []
        var twr: [Double] = []
        var twi: [Double] = []
        var length = count
        var stride = 1
        for r in radices {
            let m = length / r
            let kind: Stage.Kind
            if stride == 1, r == 4 {
                kind = .firstRadix4
            } else if stride % Lane.scalarCount == 0, [2, 3, 4, 5, 8].contains(r) {
                kind = .vector
            } else {
                kind = .scalar
            }
            stages.append(Stage(radix: r, m: m, stride: stride, kind: kind, twiddleOffset: twr.count))
            var re = [Double](repeating: 0, count: m * (r - 1))
            var im = [Double](repeating: 0, count: m * (r - 1))
            for p in 0..<m {
                for u in 1..<r {
                    let angle = -2 * Double.pi * Double((p * u) % length) / Double(length)
                    let index = kind == .firstRadix4 ? (u - 1) * m + p : p * (r - 1) + u - 1
                    re[index] = cos(angle)
                    im[index] = sin(angle)
                }
            }
            twr += re
            twi += im
            length = m
            stride *= r
        }
        self.stages = stages
        twiddleReal = twr
        twiddleImaginary = twi
    }

    /// The forward transform in place, natural order in and out; scratch of 2n doubles from the stack when small,
    /// else one heap block per call.
    func forward(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * count) { scratch in
            let scratchReal = scratch.baseAddress!
            forward(
                real: real, imaginary: imaginary, scratchReal: scratchReal, scratchImaginary: scratchReal + count)
        }
    }

    /// The forward transform in place with caller-owned scratch of `count` doubles per component.
    func forward(
        real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>,
        scratchReal: UnsafeMutablePointer<Double>, scratchImaginary: UnsafeMutablePointer<Double>
    ) {
        guard !stages.isEmpty else { return }
        if stages.count % 2 == 1 {
            // The first stage must not write where it reads: start from a copy so the last stage lands in place.
            scratchReal.update(from: real, count: count)
            scratchImaginary.update(from: imaginary, count: count)
            run(
                source: SplitInput(real: scratchReal, imaginary: scratchImaginary), outputReal: real,
                outputImaginary: imaginary, scratchReal: scratchReal, scratchImaginary: scratchImaginary)
        } else {
            run(
                source: SplitInput(real: real, imaginary: imaginary), outputReal: real, outputImaginary: imaginary,
                scratchReal: scratchReal, scratchImaginary: scratchImaginary)
        }
    }

    /// The forward transform of `count` complex values stored interleaved (re, im, re, im, …; 2n doubles, left
    /// unchanged) into split output; scratch of `count` doubles per component, distinct from the output.
    func forward(
        interleaved input: UnsafePointer<Double>, outputReal: UnsafeMutablePointer<Double>,
        outputImaginary: UnsafeMutablePointer<Double>, scratchReal: UnsafeMutablePointer<Double>,
        scratchImaginary: UnsafeMutablePointer<Double>
    ) {
        guard !stages.isEmpty else {
            for j in 0..<count {
                outputReal[j] = input[2 * j]
                outputImaginary[j] = input[2 * j + 1]
            }
            return
        }
        if readsInterleavedDirectly {
            run(
                source: InterleavedInput(base: input), outputReal: outputReal, outputImaginary: outputImaginary,
                scratchReal: scratchReal, scratchImaginary: scratchImaginary)
            return
        }
        // Unpack into the buffer the first stage does not write (see `run`).
        let odd = stages.count % 2 == 1
        let unpackedReal = odd ? scratchReal : outputReal, unpackedImaginary = odd ? scratchImaginary : outputImaginary
        for j in 0..<count {
            unpackedReal[j] = input[2 * j]
            unpackedImaginary[j] = input[2 * j + 1]
        }
        run(
            source: SplitInput(real: unpackedReal, imaginary: unpackedImaginary), outputReal: outputReal,
            outputImaginary: outputImaginary, scratchReal: scratchReal, scratchImaginary: scratchImaginary)
    }

    /// Runs every stage, the first reading `source`, so that the last one writes the output: stage i writes the
    /// output when (stages − 1 − i) is even, else the scratch. The caller makes sure the first stage's source is
    /// not its destination.
    private func run<Source: StockhamInput>(
        source: Source, outputReal: UnsafeMutablePointer<Double>, outputImaginary: UnsafeMutablePointer<Double>,
        scratchReal: UnsafeMutablePointer<Double>, scratchImaginary: UnsafeMutablePointer<Double>
    ) {
        twiddleReal.withUnsafeBufferPointer { twr in
            twiddleImaginary.withUnsafeBufferPointer { twi in
                let last = stages.count - 1
                var xr = scratchReal, xi = scratchImaginary
                for (index, stage) in stages.enumerated() {
                    let toOutput = (last - index) % 2 == 0
                    let yr = toOutput ? outputReal : scratchReal, yi = toOutput ? outputImaginary : scratchImaginary
                    let wr = twr.baseAddress! + stage.twiddleOffset, wi = twi.baseAddress! + stage.twiddleOffset
                    if index == 0 {
                        if stage.kind == .firstRadix4 {
                            Self.firstRadix4(source, yr, yi, m: stage.m, wr: wr, wi: wi)
                        } else if let split = source.split {
                            // Interleaved sources never get here: `forward(interleaved:…)` unpacks them unless
                            // the first stage is `.firstRadix4`.
                            Self.stage(stage, split.real, split.imaginary, yr, yi, wr: wr, wi: wi)
                        }
                    } else {
                        Self.stage(stage, xr, xi, yr, yi, wr: wr, wi: wi)
                    }
                    xr = yr
                    xi = yi
                }
            }
        }
    }

    private static func stage(
        _ stage: Stage, _ xr: UnsafeMutablePointer<Double>, _ xi: UnsafeMutablePointer<Double>,
        _ yr: UnsafeMutablePointer<Double>, _ yi: UnsafeMutablePointer<Double>, wr: UnsafePointer<Double>,
        wi: UnsafePointer<Double>
    ) {
        let m = stage.m, s = stage.stride
        switch (stage.kind, stage.radix) {
        case (.vector, 8): vectorRadix8(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        case (.vector, 4): vectorRadix4(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        case (.vector, 2): vectorRadix2(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        case (.vector, 3): vectorRadix3(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        case (.vector, 5): vectorRadix5(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        case (_, 4): radix4(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        case (_, 2): radix2(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        case (_, 3): radix3(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        case (_, 5): radix5(xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        default: radixGeneric(stage.radix, xr, xi, yr, yi, m: m, s: s, wr: wr, wi: wi)
        }
    }
}
