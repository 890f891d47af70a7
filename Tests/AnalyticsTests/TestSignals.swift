#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A seeded SplitMix64 generator, so every "random" test input is reproducible.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A standard normal deviate (Box–Muller).
    mutating func gaussian() -> Double {
        let u1 = Double.random(in: Double.ulpOfOne..<1, using: &self)
        let u2 = Double.random(in: 0..<1, using: &self)
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}

enum TestSignals {
    static func sine(frequency: Double, amplitude: Double, sampleRate: Double, count: Int, phase: Double = 0) -> [Double] {
        (0..<count).map { amplitude * sin(2 * Double.pi * frequency * Double($0) / sampleRate + phase) }
    }

    static func random(count: Int, seed: UInt64) -> [Double] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in Double.random(in: -1...1, using: &generator) }
    }

    /// The O(n²) DFT, X[k] = Σ x[j]·e^{−2πi·jk/n}, with the angle reduced modulo n in integers.
    static func dft(real: [Double], imaginary: [Double]) -> (real: [Double], imaginary: [Double]) {
        let n = real.count
        var outReal = [Double](repeating: 0, count: n)
        var outImaginary = [Double](repeating: 0, count: n)
        for k in 0..<n {
            var sr = 0.0
            var si = 0.0
            for j in 0..<n {
                let angle = -2 * Double.pi * Double((j * k) % n) / Double(n)
                let c = cos(angle)
                let s = sin(angle)
                sr += real[j] * c - imaginary[j] * s
                si += real[j] * s + imaginary[j] * c
            }
            outReal[k] = sr
            outImaginary[k] = si
        }
        return (outReal, outImaginary)
    }

    static func maxAbsDifference(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
    }
}

func cosine(_ x: Double) -> Double { cos(x) }
func sine(_ x: Double) -> Double { sin(x) }
